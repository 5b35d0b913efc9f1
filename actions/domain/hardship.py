"""Hardship self-service: who is eligible, and exact quotes for instalments or a deferral.

Pure functions: the caller passes the policy, the borrower's recorded plans (`PlanStore.history`)
and `now` (from a `Clock`). "Today" is the borrower's local date. A `Quote` that is not eligible
still carries the schedule whenever one can be computed, so an agent can see (and approve, see
`PlanStore.record`) an out-of-policy plan; dialogs must offer only quotes with `eligible=True`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from actions.domain.ledger import Borrower, Loan
from actions.domain.money import CENT, to_cents
from actions.domain.policy import Policy
from actions.domain.reasons import ReasonCode, Refusal
from actions.domain.schedule import (
    Instalment,
    add_months,
    build_schedule,
    deferral_schedule,
    schedule_total,
)

PlanKind = Literal["installments", "deferral"]


class PastPlan(Protocol):
    """What eligibility needs to know about a recorded plan (`plans.Plan` fits)."""

    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def broken_at(self) -> datetime | None: ...
    @property
    def approved_by(self) -> str | None: ...


class Quote(BaseModel):
    """An exact offer: the schedule (borrower-local dates), its total and whether fees freeze."""

    model_config = ConfigDict(frozen=True)

    eligible: bool
    reason: ReasonCode | None = None
    reason_params: dict[str, str] = Field(default_factory=dict)
    kind: PlanKind
    borrower_id: str
    loan_id: str
    currency: str
    amount: Decimal
    installments: int | None = None
    defer_days: int | None = None
    schedule: list[Instalment] = Field(default_factory=list)
    total: Decimal = Decimal("0.00")
    frozen_fees: bool
    as_of: date


class HardshipOptions(BaseModel):
    """What a borrower may choose by themselves right now, and why not otherwise."""

    eligible: bool
    reason: ReasonCode | None = None
    reason_params: dict[str, str] = Field(default_factory=dict)
    installment_counts: list[int] = Field(default_factory=list)
    max_defer_days: int | None = None
    deferral_reason: ReasonCode | None = None
    deferral_reason_params: dict[str, str] = Field(default_factory=dict)


def local_today(borrower: Borrower, now: datetime) -> date:
    return now.astimezone(borrower.tz).date()


def pick_loan(borrower: Borrower, loan_id: str | None = None) -> Loan:
    """The loan `loan_id`, or the borrower's first loan."""
    if loan_id is None:
        return borrower.loans[0]
    for loan in borrower.loans:
        if loan.loan_id == loan_id:
            return loan
    raise KeyError(f"{borrower.borrower_id} has no loan {loan_id}")


def check_hardship(
    loan: Loan, *, policy: Policy, history: Sequence[PastPlan], now: datetime
) -> Refusal | None:
    """Why no self-service plan is possible for `loan`, or None when one is."""
    rules = policy.hardship
    if loan.days_past_due > rules.max_days_past_due:
        return Refusal(
            code=ReasonCode.DPD_OVER_LIMIT,
            params={
                "days_past_due": str(loan.days_past_due),
                "limit": str(rules.max_days_past_due),
            },
        )
    if loan.overdue_total < rules.min_overdue:
        return Refusal(
            code=ReasonCode.OVERDUE_BELOW_MINIMUM,
            params={"overdue": str(loan.overdue_total), "minimum": str(rules.min_overdue)},
        )
    since = now - timedelta(days=rules.broken_plan_lookback_days)
    for plan in history:
        if (
            plan.status == "broken"
            and plan.approved_by is None
            and plan.broken_at is not None
            and plan.broken_at >= since
        ):
            return Refusal(
                code=ReasonCode.BROKEN_PLAN_RECENTLY,
                params={
                    "broken_on": plan.broken_at.date().isoformat(),
                    "days": str(rules.broken_plan_lookback_days),
                },
            )
    if any(plan.status == "active" for plan in history):
        return Refusal(code=ReasonCode.PLAN_ALREADY_ACTIVE)
    return None


def check_deferral(
    loan: Loan, *, policy: Policy, history: Sequence[PastPlan], now: datetime
) -> Refusal | None:
    """Why a deferral is not possible (after the general hardship checks), or None."""
    general = check_hardship(loan, policy=policy, history=history, now=now)
    if general is not None:
        return general
    rules = policy.deferral
    if loan.days_past_due > rules.max_days_past_due:
        return Refusal(
            code=ReasonCode.DEFERRAL_DPD_OVER_LIMIT,
            params={
                "days_past_due": str(loan.days_past_due),
                "limit": str(rules.max_days_past_due),
            },
        )
    since = datetime.combine(add_months(now.date(), -rules.once_per_months), now.timetz())
    for plan in history:
        if plan.kind == "deferral" and plan.created_at >= since:
            return Refusal(
                code=ReasonCode.DEFERRAL_USED_RECENTLY,
                params={
                    "used_on": plan.created_at.date().isoformat(),
                    "months": str(rules.once_per_months),
                    "next_on": add_months(
                        plan.created_at.date(), rules.once_per_months
                    ).isoformat(),
                },
            )
    return None


def hardship_options(
    borrower: Borrower,
    *,
    policy: Policy,
    history: Sequence[PastPlan],
    now: datetime,
    loan_id: str | None = None,
) -> HardshipOptions:
    """The instalment counts and deferral length the borrower may choose, with reasons."""
    loan = pick_loan(borrower, loan_id)
    general = check_hardship(loan, policy=policy, history=history, now=now)
    if general is not None:
        return HardshipOptions(
            eligible=False,
            reason=general.code,
            reason_params=general.params,
            deferral_reason=general.code,
            deferral_reason_params=general.params,
        )
    rules = policy.instalments
    deferral = check_deferral(loan, policy=policy, history=history, now=now)
    return HardshipOptions(
        eligible=True,
        installment_counts=list(range(rules.min_count, rules.max_count + 1)),
        max_defer_days=policy.deferral.max_days if deferral is None else None,
        deferral_reason=None if deferral is None else deferral.code,
        deferral_reason_params={} if deferral is None else deferral.params,
    )


def quote_installments(
    borrower: Borrower,
    *,
    count: int,
    policy: Policy,
    history: Sequence[PastPlan],
    now: datetime,
    first_due: date | None = None,
    loan_id: str | None = None,
) -> Quote:
    """A monthly plan of `count` instalments of the overdue amount.

    The first falls due on `first_due` (default: the last day the policy allows, today + 7);
    later ones on the same day of each following month, clipped to the month's end.
    """
    loan = pick_loan(borrower, loan_id)
    rules = policy.instalments
    today = local_today(borrower, now)
    first = first_due or today + timedelta(days=rules.first_due_within_days)
    amount = loan.overdue_total
    schedule: list[Instalment] = []
    if 1 <= count <= 120 and amount >= CENT * count:
        schedule = build_schedule(amount, count, first)

    refusal = check_hardship(loan, policy=policy, history=history, now=now)
    if refusal is None and not rules.min_count <= count <= rules.max_count:
        refusal = Refusal(
            code=ReasonCode.INSTALLMENTS_OUT_OF_RANGE,
            params={
                "requested": str(count),
                "min": str(rules.min_count),
                "max": str(rules.max_count),
            },
        )
    latest = today + timedelta(days=rules.first_due_within_days)
    if refusal is None and not today <= first <= latest:
        refusal = Refusal(
            code=ReasonCode.FIRST_DUE_OUT_OF_RANGE,
            params={
                "requested": first.isoformat(),
                "earliest": today.isoformat(),
                "latest": latest.isoformat(),
            },
        )
    minimum = to_cents(amount * rules.first_min_fraction)
    if refusal is None and schedule and schedule[0].amount < minimum:
        refusal = Refusal(
            code=ReasonCode.FIRST_INSTALMENT_BELOW_MINIMUM,
            params={"first": str(schedule[0].amount), "minimum": str(minimum)},
        )
    return _quote(
        "installments",
        borrower,
        loan,
        refusal,
        amount,
        schedule,
        rules.freeze_late_fees,
        today,
        installments=count,
    )


def quote_deferral(
    borrower: Borrower,
    *,
    days: int,
    policy: Policy,
    history: Sequence[PastPlan],
    now: datetime,
    loan_id: str | None = None,
) -> Quote:
    """The whole overdue amount due `days` days after the borrower's today."""
    loan = pick_loan(borrower, loan_id)
    rules = policy.deferral
    today = local_today(borrower, now)
    amount = loan.overdue_total
    schedule = deferral_schedule(amount, today, days) if 1 <= days <= 3650 and amount > 0 else []
    refusal = check_deferral(loan, policy=policy, history=history, now=now)
    if refusal is None and not 1 <= days <= rules.max_days:
        refusal = Refusal(
            code=ReasonCode.DEFER_DAYS_OUT_OF_RANGE,
            params={"requested": str(days), "max": str(rules.max_days)},
        )
    return _quote(
        "deferral",
        borrower,
        loan,
        refusal,
        amount,
        schedule,
        rules.freeze_late_fees,
        today,
        defer_days=days,
    )


def _quote(
    kind: PlanKind,
    borrower: Borrower,
    loan: Loan,
    refusal: Refusal | None,
    amount: Decimal,
    schedule: list[Instalment],
    frozen_fees: bool,
    today: date,
    **plan: int,
) -> Quote:
    """The quote with its exact schedule; `refusal` says why it is not self-service."""
    return Quote(
        eligible=refusal is None,
        reason=None if refusal is None else refusal.code,
        reason_params={} if refusal is None else refusal.params,
        kind=kind,
        borrower_id=borrower.borrower_id,
        loan_id=loan.loan_id,
        currency=loan.currency,
        amount=amount,
        schedule=schedule,
        total=schedule_total(schedule),
        frozen_fees=frozen_fees,
        as_of=today,
        **plan,
    )
