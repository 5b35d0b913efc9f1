"""The lender's ledger: borrowers, their loans and what is overdue now.

`Ledger` is the interface; `FileLedger` reads a YAML file (the demo data, or a lender's export).
An HTTP implementation for the lender's core system fits the same interface.
"""

from __future__ import annotations

import calendar
import hmac
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator

from actions.domain.config_file import load_model
from actions.domain.money import to_cents
from actions.domain.phones import normalise_phone

Money = Annotated[Decimal, Field(ge=0, decimal_places=2)]


class LedgerError(ValueError):
    """The ledger file is missing or invalid."""


class Loan(BaseModel):
    loan_id: str
    currency: str = "CNY"
    overdue_principal: Money
    overdue_interest: Money
    late_fees: Money
    days_past_due: int = Field(ge=0)
    outstanding_principal: Money
    instalment_day: int = Field(ge=1, le=31, description="Day of the month instalments fall due")
    repayment_reference: str

    @property
    def overdue_total(self) -> Decimal:
        return to_cents(self.overdue_principal + self.overdue_interest + self.late_fees)


class Borrower(BaseModel):
    borrower_id: str
    name: str
    phone: str
    id_last4: str = Field(pattern=r"^[0-9Xx]{4}$")
    timezone: str = "Asia/Shanghai"
    language: str = Field(default="zh", pattern=r"^(zh|en)$")
    loans: list[Loan] = Field(min_length=1)

    @field_validator("phone")
    @classmethod
    def _e164(cls, value: str) -> str:
        normalised = normalise_phone(value)
        if normalised is None:
            raise ValueError(f"not a valid phone number: {value!r}")
        return normalised

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def id_matches(self, last4: str) -> bool:
        """Constant-time comparison of the last four ID characters (X and x alike)."""
        return hmac.compare_digest(self.id_last4.upper().encode(), last4.strip().upper().encode())


class LoanStatement(BaseModel):
    """What a verified borrower is shown about one loan, as of a moment."""

    loan_id: str
    currency: str
    overdue_total: Decimal
    overdue_principal: Decimal
    overdue_interest: Decimal
    late_fees: Decimal
    days_past_due: int
    outstanding_principal: Decimal
    next_due_date: date
    as_of: datetime
    repayment_reference: str


class LedgerFile(BaseModel):
    borrowers: list[Borrower]

    @field_validator("borrowers")
    @classmethod
    def _unique(cls, borrowers: list[Borrower]) -> list[Borrower]:
        ids = [b.borrower_id for b in borrowers]
        phones = [b.phone for b in borrowers]
        if len(set(ids)) != len(ids) or len(set(phones)) != len(phones):
            raise ValueError("borrower ids and phone numbers must be unique")
        return borrowers


class Ledger(Protocol):
    async def find_by_phone(self, phone_e164: str) -> Borrower | None: ...

    async def get(self, borrower_id: str) -> Borrower | None: ...

    async def statements(self, borrower_id: str, now: datetime) -> list[LoanStatement]: ...


def next_due_date(today: date, instalment_day: int) -> date:
    """The first instalment date strictly after `today` (the day clipped to month end)."""
    year, month = today.year, today.month
    for _ in range(2):
        day = min(instalment_day, calendar.monthrange(year, month)[1])
        candidate = date(year, month, day)
        if candidate > today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise AssertionError("unreachable: a due date exists within two months")


def statement_for(loan: Loan, now: datetime, tz: ZoneInfo) -> LoanStatement:
    local = now.astimezone(tz)
    return LoanStatement(
        loan_id=loan.loan_id,
        currency=loan.currency,
        overdue_total=loan.overdue_total,
        overdue_principal=to_cents(loan.overdue_principal),
        overdue_interest=to_cents(loan.overdue_interest),
        late_fees=to_cents(loan.late_fees),
        days_past_due=loan.days_past_due,
        outstanding_principal=to_cents(loan.outstanding_principal),
        next_due_date=next_due_date(local.date(), loan.instalment_day),
        as_of=local.replace(microsecond=0),
        repayment_reference=loan.repayment_reference,
    )


class FileLedger:
    """A ledger snapshot from YAML: its figures are taken as current at every read."""

    def __init__(self, borrowers: list[Borrower]) -> None:
        self._by_id = {b.borrower_id: b for b in borrowers}
        self._by_phone = {b.phone: b for b in borrowers}

    @classmethod
    def load(cls, path: Path) -> FileLedger:
        return cls(load_model(path, LedgerFile, LedgerError).borrowers)

    async def find_by_phone(self, phone_e164: str) -> Borrower | None:
        return self._by_phone.get(phone_e164)

    async def get(self, borrower_id: str) -> Borrower | None:
        return self._by_id.get(borrower_id)

    async def statements(self, borrower_id: str, now: datetime) -> list[LoanStatement]:
        borrower = self._by_id.get(borrower_id)
        if borrower is None:
            return []
        return [statement_for(loan, now, borrower.tz) for loan in borrower.loans]
