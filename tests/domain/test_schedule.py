"""Instalment schedules are exact to the cent and land on the right calendar days."""

from __future__ import annotations

import calendar
import itertools
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actions.domain.schedule import add_months, build_schedule, deferral_schedule, split_amount

amounts = st.integers(min_value=10_000, max_value=100_000_000).map(lambda c: Decimal(c).scaleb(-2))
counts = st.integers(min_value=2, max_value=6)
first_dues = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=400)
@given(amount=amounts, count=counts, first_due=first_dues)
def test_schedule_sums_exactly_and_falls_monthly(
    amount: Decimal, count: int, first_due: date
) -> None:
    schedule = build_schedule(amount, count, first_due)

    amounts_ = [item.amount for item in schedule]
    assert len(schedule) == count
    assert sum(amounts_) == amount
    assert all(a == a.quantize(Decimal("0.01")) for a in amounts_)
    assert len(set(amounts_[:-1])) == 1, "all instalments but the last are equal"
    assert Decimal(0) <= amounts_[-1] - amounts_[0] < Decimal("0.01") * count
    assert amounts_[0] >= amount / 10, "the first instalment is at least 10% of the amount"

    dues = [item.due for item in schedule]
    assert dues[0] == first_due
    assert all(a < b for a, b in itertools.pairwise(dues))
    for i, due in enumerate(dues):
        month_index = first_due.year * 12 + first_due.month - 1 + i
        year, month0 = divmod(month_index, 12)
        assert (due.year, due.month) == (year, month0 + 1)
        assert due.day == min(first_due.day, calendar.monthrange(due.year, due.month)[1])


def test_d1001_amount_splits_into_five_equal_and_a_larger_last() -> None:
    assert split_amount(Decimal("2240.00"), 6) == [Decimal("373.33")] * 5 + [Decimal("373.35")]


@pytest.mark.parametrize(
    ("first_due", "expected"),
    [
        (
            date(2028, 1, 31),  # leap year
            [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31), date(2028, 4, 30)],
        ),
        (
            date(2027, 1, 31),
            [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)],
        ),
        (
            date(2025, 11, 30),  # across the year end
            [date(2025, 11, 30), date(2025, 12, 30), date(2026, 1, 30), date(2026, 2, 28)],
        ),
        (
            date(2024, 2, 29),
            [date(2024, 2, 29), date(2024, 3, 29), date(2024, 4, 29), date(2024, 5, 29)],
        ),
    ],
)
def test_month_ends_and_leap_years(first_due: date, expected: list[date]) -> None:
    schedule = build_schedule(Decimal("1000.00"), 4, first_due)
    assert [item.due for item in schedule] == expected
    assert [item.amount for item in schedule] == [Decimal("250.00")] * 4


def test_add_months_goes_backwards_too() -> None:
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2025, 3, 10), -12) == date(2024, 3, 10)


def test_deferral_is_the_whole_amount_on_one_later_date() -> None:
    [only] = deferral_schedule(Decimal("2240"), date(2025, 2, 14), 30)
    assert (only.due, only.amount) == (date(2025, 3, 16), Decimal("2240.00"))


def test_amount_too_small_to_split_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot split"):
        split_amount(Decimal("0.05"), 6)
