"""`repaybot plan quote|ls`, as an agent on the phone would use them."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
from datetime import date, time
from decimal import Decimal

import pytest
from redis.asyncio import Redis

from actions.domain.callbacks import CallbackStore
from actions.domain.clock import FixedClock
from actions.domain.hardship import quote_installments
from actions.domain.ledger import Borrower
from actions.domain.plans import PlanStore
from actions.domain.policy import Policy
from actions.domain.promises import PromiseStore
from bot.plan_cli import add_plan_commands, run_ls, run_quote
from tests.domain.conftest import NOW, ROOT


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="repaybot")
    add_plan_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(
        [
            *argv,
            "--ledger",
            str(ROOT / "config/ledger.demo.yaml"),
            "--policy",
            str(ROOT / "config/policy.yaml"),
        ]
    )


async def run(args: argparse.Namespace) -> tuple[int, str]:
    """Run the command's sync entry point (it calls asyncio.run) off the test's event loop."""
    out = io.StringIO()
    code = await asyncio.to_thread(args.func, args, out)
    return code, out.getvalue()


async def test_quote_prints_exact_schedule_as_json(redis: Redis, redis_url: str) -> None:
    args = parse(
        "plan", "quote", "--borrower", "D-1001", "--installments", "6",
        "--redis-url", redis_url, "--now", NOW.isoformat(),
    )  # fmt: skip
    assert args.func is run_quote
    code, out = await run(args)
    assert code == 0
    quote = json.loads(out)
    assert quote["eligible"] is True
    assert quote["reason"] is None
    assert quote["schedule"] == [
        {"due": "2025-03-17", "amount": "373.33"},
        {"due": "2025-04-17", "amount": "373.33"},
        {"due": "2025-05-17", "amount": "373.33"},
        {"due": "2025-06-17", "amount": "373.33"},
        {"due": "2025-07-17", "amount": "373.33"},
        {"due": "2025-08-17", "amount": "373.35"},
    ]
    assert quote["total"] == "2240.00"
    assert quote["frozen_fees"] is True


async def test_quote_deferral_refused_with_reason(redis: Redis, redis_url: str) -> None:
    args = parse(
        "plan", "quote", "--borrower", "D-1002", "--defer-days", "14",
        "--redis-url", redis_url, "--now", NOW.isoformat(),
    )  # fmt: skip
    code, out = await run(args)
    quote = json.loads(out)
    assert code == 0
    assert (quote["eligible"], quote["reason"]) == (False, "deferral_dpd_over_limit")


async def test_ls_lists_plan_promise_and_callback(
    redis: Redis, redis_url: str, borrowers: dict[str, Borrower], policy: Policy
) -> None:
    clock = FixedClock(NOW)
    d1001 = borrowers["D-1001"]
    plan = await PlanStore(redis, clock).record(
        quote_installments(d1001, count=2, policy=policy, history=[], now=NOW)
    )
    promise = await PromiseStore(redis, clock).record(
        d1001, amount=Decimal("300"), due_date=date(2025, 3, 14), due_time=time(18), policy=policy
    )
    moved = await PromiseStore(redis, clock).record(
        d1001,
        amount=Decimal("300"),
        due_date=date(2025, 3, 16),
        policy=policy,
        replaces=promise.promise_id,
    )
    booking = await CallbackStore(redis, clock, policy.callbacks).book(
        "D-1001", NOW.replace(day=11, hour=15), d1001.tz
    )
    assert booking.callback is not None

    args = parse("plan", "ls", "--borrower", "D-1001", "--redis-url", redis_url)
    assert args.func is run_ls
    code, out = await run(args)
    assert code == 0
    assert f"{plan.plan_id} installments active CNY 2240.00" in out
    assert "2025-03-17 1120.00" in out
    assert "2025-04-17 1120.00" in out
    assert (
        f"{promise.promise_id} promise cancelled CNY 300.00 by 2025-03-14 18:00 Asia/Shanghai\n"
    ) in out
    assert (
        f"{moved.promise_id} promise open CNY 300.00 by 2025-03-16 Asia/Shanghai"
        f" (replaces {promise.promise_id})"
    ) in out
    assert f"{booking.callback.callback_id} booked 2025-03-11 15:00-15:30 Asia/Shanghai" in out

    code, out = await run(
        parse("plan", "ls", "--borrower", "D-1001", "--redis-url", redis_url, "--json")
    )
    data = json.loads(out)
    assert [p["plan_id"] for p in data["plans"]] == [plan.plan_id]
    assert {p["promise_id"]: p["replaces"] for p in data["promises"]} == {
        promise.promise_id: None,
        moved.promise_id: promise.promise_id,
    }
    assert data["callbacks"][0]["start"] == "2025-03-11T15:00:00+08:00"


def test_unreachable_redis_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("plan", "quote", "--borrower", "D-1001", "--redis-url", "redis://127.0.0.1:1/0")
    assert args.func(args) == 1
    assert "cannot reach Redis at redis://127.0.0.1:1/0" in capsys.readouterr().err


def test_unknown_borrower_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("plan", "ls", "--borrower", "D-9999", "--redis-url", "redis://127.0.0.1:1/0")
    assert args.func(args) == 1
    assert "unknown borrower 'D-9999'" in capsys.readouterr().err
