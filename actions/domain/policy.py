"""The lender's self-service policy: limits read from YAML, validated at start-up.

`load_policy(path)` raises `PolicyError` with one line per problem, each naming the field,
e.g. ``config/policy.yaml: instalments.max_count: Input should be greater than or equal to 2``.
Every field has the lender's default, so an empty file is the default policy.
"""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from actions.domain.config_file import read_yaml, validate
from actions.domain.money import to_cents

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class PolicyError(ValueError):
    """The policy file is missing or invalid; the message names the file and the field."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _cents(value: Decimal) -> Decimal:
    return to_cents(value)


class HardshipPolicy(_Section):
    """Who may arrange a plan without a person."""

    max_days_past_due: int = Field(default=90, ge=0)
    min_overdue: Decimal = Field(default=Decimal("100.00"), ge=0)
    broken_plan_lookback_days: int = Field(default=180, ge=0)

    _q = field_validator("min_overdue")(_cents)


class InstalmentPolicy(_Section):
    """Monthly instalments of the overdue amount."""

    min_count: int = Field(default=2, ge=2)
    max_count: int = Field(default=6, ge=2, le=36)
    first_due_within_days: int = Field(default=7, ge=0, le=31)
    first_min_fraction: Decimal = Field(default=Decimal("0.10"), ge=0, le=1)
    freeze_late_fees: bool = True

    @model_validator(mode="after")
    def _range(self) -> InstalmentPolicy:
        if self.min_count > self.max_count:
            raise ValueError("min_count must not exceed max_count")
        return self


class DeferralPolicy(_Section):
    """Paying the whole overdue amount later, once in a while."""

    max_days: int = Field(default=30, ge=1, le=365)
    max_days_past_due: int = Field(default=30, ge=0)
    once_per_months: int = Field(default=12, ge=0, le=120)
    freeze_late_fees: bool = True


class PartialPaymentPolicy(_Section):
    min_amount: Decimal = Field(default=Decimal("100.00"), gt=0)

    _q = field_validator("min_amount")(_cents)


class PromisePolicy(_Section):
    max_days_ahead: int = Field(default=14, ge=0, le=365)
    # How often a borrower may move or change a promise here (each change counts from the
    # first promise); beyond that a person looks at it with them.
    max_changes: int = Field(default=2, ge=0, le=10)


class CallbackPolicy(_Section):
    """When agents call back, in the borrower's own timezone."""

    weekdays: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS[:6]), min_length=1)
    open: time = time(9, 0)
    close: time = time(20, 0)
    slot_minutes: int = Field(default=30, ge=5, le=240)
    capacity: int = Field(default=3, ge=1)
    max_days_ahead: int = Field(default=7, ge=1, le=60)
    max_upcoming_per_borrower: int = Field(default=1, ge=1)

    @field_validator("open", "close", mode="before")
    @classmethod
    def _quoted_time(cls, value: Any) -> Any:
        # Unquoted 09:00 is a base-60 integer (540) to YAML 1.1; refuse it rather than misread.
        if isinstance(value, int):
            raise ValueError('write times as quoted "HH:MM" strings')
        return value

    @field_validator("weekdays")
    @classmethod
    def _unique(cls, value: list[Weekday]) -> list[Weekday]:
        if len(set(value)) != len(value):
            raise ValueError("weekdays must not repeat")
        return value

    @model_validator(mode="after")
    def _hours(self) -> CallbackPolicy:
        if self.open >= self.close:
            raise ValueError("open must be before close")
        return self

    @property
    def weekday_numbers(self) -> frozenset[int]:
        """The open days as `date.weekday()` numbers (Monday = 0)."""
        return frozenset(WEEKDAYS.index(day) for day in self.weekdays)


class Policy(_Section):
    """The whole policy; each section defaults to the lender's standard limits."""

    hardship: HardshipPolicy = Field(default_factory=HardshipPolicy)
    instalments: InstalmentPolicy = Field(default_factory=InstalmentPolicy)
    deferral: DeferralPolicy = Field(default_factory=DeferralPolicy)
    partial_payment: PartialPaymentPolicy = Field(default_factory=PartialPaymentPolicy)
    promise: PromisePolicy = Field(default_factory=PromisePolicy)
    callbacks: CallbackPolicy = Field(default_factory=CallbackPolicy)


def parse_policy(raw: Any, source: Path = Path("<policy>")) -> Policy:
    """Validate already-parsed YAML; raises `PolicyError` naming each wrong field."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PolicyError(f"{source}: (top level): expected a mapping of sections")
    return validate(raw, Policy, source, PolicyError)


def load_policy(path: Path) -> Policy:
    """Read and validate the policy file; raises `PolicyError` on any problem."""
    return parse_policy(read_yaml(path, PolicyError), path)
