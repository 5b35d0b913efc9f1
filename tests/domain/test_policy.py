"""The policy file: the shipped one holds the lender's defaults; a wrong one names the field."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

from actions.domain.policy import Policy, PolicyError, load_policy
from tests.domain.conftest import ROOT


def test_shipped_policy_has_the_lenders_limits() -> None:
    policy = load_policy(ROOT / "config" / "policy.yaml")
    assert policy == Policy()
    assert policy.hardship.max_days_past_due == 90
    assert policy.hardship.min_overdue == Decimal("100.00")
    assert policy.hardship.broken_plan_lookback_days == 180
    assert (policy.instalments.min_count, policy.instalments.max_count) == (2, 6)
    assert policy.instalments.first_due_within_days == 7
    assert (policy.deferral.max_days, policy.deferral.max_days_past_due) == (30, 30)
    assert policy.deferral.once_per_months == 12
    assert policy.partial_payment.min_amount == Decimal("100.00")
    assert policy.promise.max_days_ahead == 14
    cb = policy.callbacks
    assert cb.weekday_numbers == frozenset(range(6))  # Monday to Saturday
    assert (cb.open, cb.close, cb.slot_minutes, cb.capacity) == (time(9), time(20), 30, 3)
    assert (cb.max_days_ahead, cb.max_upcoming_per_borrower) == (7, 1)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("instalments:\n  max_count: 1\n", "instalments.max_count: Input should be greater than"),
        ("instalments:\n  min_count: 5\n  max_count: 3\n", "instalments: Value error, min_count"),
        (
            "hardship:\n  min_overdue: lots\n",
            "hardship.min_overdue: Input should be a valid decimal",
        ),
        ("deferral:\n  max_dayz: 10\n", "deferral.max_dayz: Extra inputs are not permitted"),
        (
            "callbacks:\n  close: 20:00\n",
            'callbacks.close: Value error, write times as quoted "HH:MM"',
        ),
        ("callbacks:\n  weekdays: [mon, funday]\n", "callbacks.weekdays.1: Input should be"),
        ('callbacks:\n  open: "21:00"\n', "callbacks: Value error, open must be before close"),
        ("- just a list\n", "(top level): expected a mapping"),
        ("hardship: [\n", "invalid YAML"),
    ],
)
def test_wrong_file_is_refused_naming_the_field(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_every_wrong_field_is_listed(tmp_path: Path) -> None:
    path = _write(tmp_path, "promise:\n  max_days_ahead: -1\ncallbacks:\n  capacity: 0\n")
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    lines = str(caught.value).splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "promise.max_days_ahead",
        "callbacks.capacity",
    ]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"nope\.yaml: cannot read"):
        load_policy(tmp_path / "nope.yaml")


def test_partial_file_keeps_other_defaults_and_rounds_money(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, "hardship:\n  min_overdue: 50.005\n"))
    assert policy.hardship.min_overdue == Decimal("50.01")
    assert policy.hardship.max_days_past_due == 90
    assert policy.instalments.max_count == 6
