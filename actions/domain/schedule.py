"""Pure date and money arithmetic of repayment schedules.

Instalments are equal to the cent except the last, which absorbs the rounding, so a schedule
always sums exactly to the amount. Monthly due dates keep the first date's day of the month,
clipped to the month's end (Jan 31 → Feb 28/29 → Mar 31).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from pydantic import BaseModel, ConfigDict

from actions.domain.money import CENT, to_cents


class Instalment(BaseModel):
    """One payment: due on `due` (borrower's calendar), `amount` to the cent."""

    model_config = ConfigDict(frozen=True)

    due: date
    amount: Decimal


def add_months(start: date, months: int, day: int | None = None) -> date:
    """`start` moved by `months` calendar months, on `day` (default: start's day), clipped."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day or start.day, last))


def split_amount(amount: Decimal, count: int) -> list[Decimal]:
    """`count` equal parts rounded down to the cent; the last takes the remainder.

    The last part is never smaller than the others and exceeds them by fewer than `count` cents.
    """
    amount = to_cents(amount)
    if count < 1:
        raise ValueError("count must be at least 1")
    if amount < CENT * count:
        raise ValueError(f"cannot split {amount} into {count} parts of at least one cent")
    base = (amount / count).quantize(CENT, rounding=ROUND_DOWN)
    return [base] * (count - 1) + [amount - base * (count - 1)]


def monthly_dates(first_due: date, count: int) -> list[date]:
    """`count` due dates: `first_due`, then the same day of each following month, clipped."""
    return [add_months(first_due, i, first_due.day) for i in range(count)]


def build_schedule(amount: Decimal, count: int, first_due: date) -> list[Instalment]:
    """Monthly instalments of `amount` starting on `first_due`, summing exactly to `amount`."""
    parts = split_amount(amount, count)
    return [
        Instalment(due=due, amount=part)
        for due, part in zip(monthly_dates(first_due, count), parts, strict=True)
    ]


def deferral_schedule(amount: Decimal, today: date, days: int) -> list[Instalment]:
    """The whole `amount` due `days` days after `today`."""
    return [Instalment(due=today + timedelta(days=days), amount=to_cents(amount))]


def schedule_total(schedule: list[Instalment]) -> Decimal:
    return to_cents(sum((item.amount for item in schedule), Decimal(0)))
