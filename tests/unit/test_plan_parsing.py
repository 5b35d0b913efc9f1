"""Dates typed in answer to the flows' questions, resolved against the borrower's today."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.plan_parsing import parse_date

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周二", date(2026, 12, 1)),  # a bare weekday: its next occurrence, today included
        ("这周五", date(2026, 12, 4)),
        ("Friday", date(2026, 12, 4)),
        ("下周一", date(2026, 12, 7)),  # "next": that weekday in next (Monday-based) week
        ("下周二", date(2026, 12, 8)),
        ("下周五还", date(2026, 12, 11)),
        ("下个星期五", date(2026, 12, 11)),
        ("下下周一", date(2026, 12, 14)),
        ("next tuesday", date(2026, 12, 8)),
        ("next Friday please", date(2026, 12, 11)),
        ("Next  Tuesday", date(2026, 12, 8)),
        ("明天", date(2026, 12, 2)),
        ("12月15日", date(2026, 12, 15)),
        ("the 10th", date(2026, 12, 10)),
        ("过几天", None),
    ],
)
def test_a_named_day_resolves_from_the_borrowers_today(text: str, expected: date | None) -> None:
    assert parse_date(text, TUESDAY) == expected
