"""Domain fixtures: the demo ledger, the shipped policy file and a clock fixed on a Monday."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from actions.domain.clock import FixedClock
from actions.domain.ledger import Borrower, FileLedger
from actions.domain.policy import Policy, load_policy

ROOT = Path(__file__).resolve().parents[2]
SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 10 March 2025, 10:00 in Shanghai.
NOW = datetime(2025, 3, 10, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def policy() -> Policy:
    return load_policy(ROOT / "config" / "policy.yaml")


@pytest.fixture
def ledger() -> FileLedger:
    return FileLedger.load(ROOT / "config" / "ledger.demo.yaml")


@pytest.fixture
async def borrowers(ledger: FileLedger) -> dict[str, Borrower]:
    found = {bid: await ledger.get(bid) for bid in ("D-1001", "D-1002", "D-1003")}
    return {bid: b for bid, b in found.items() if b is not None}


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)
