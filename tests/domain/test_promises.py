"""Promises to pay: inside the limits they are recorded; outside, the reason says which limit."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from actions.domain.ledger import Borrower
from actions.domain.policy import Policy
from actions.domain.promises import PromiseError, PromiseKind, PromiseStore, check_promise
from actions.domain.reasons import ReasonCode
from tests.domain.conftest import NOW, SHANGHAI

OVERDUE = Decimal("2240.00")  # D-1001


def codes(
    policy: Policy,
    amount: str | None,
    due: date | None,
    due_time: time | None = None,
    kind: PromiseKind = "promise",
) -> list[ReasonCode]:
    refusals = check_promise(
        amount=None if amount is None else Decimal(amount),
        due_date=due,
        due_time=due_time,
        overdue=OVERDUE,
        now=NOW,
        tz=SHANGHAI,
        policy=policy,
        kind=kind,
    )
    return [r.code for r in refusals]


@pytest.mark.parametrize(
    ("amount", "due", "due_time", "expected"),
    [
        ("500", date(2025, 3, 15), None, []),
        ("2240.00", date(2025, 3, 24), None, []),  # the whole amount, 14 days ahead
        ("0.01", date(2025, 3, 10), time(18, 0), []),  # later today
        (None, date(2025, 3, 15), None, [ReasonCode.AMOUNT_MISSING]),
        ("500", None, None, [ReasonCode.DATE_MISSING]),
        (None, None, None, [ReasonCode.AMOUNT_MISSING, ReasonCode.DATE_MISSING]),
        ("0", date(2025, 3, 15), None, [ReasonCode.AMOUNT_NOT_POSITIVE]),
        ("-5", date(2025, 3, 15), None, [ReasonCode.AMOUNT_NOT_POSITIVE]),
        ("2240.01", date(2025, 3, 15), None, [ReasonCode.AMOUNT_OVER_OVERDUE]),
        ("500", date(2025, 3, 9), None, [ReasonCode.DATE_IN_PAST]),
        ("500", date(2025, 3, 10), time(9, 30), [ReasonCode.DATE_IN_PAST]),
        ("500", date(2025, 3, 25), None, [ReasonCode.DATE_TOO_FAR]),
    ],
)
def test_promise_limits(
    policy: Policy,
    amount: str | None,
    due: date | None,
    due_time: time | None,
    expected: list[ReasonCode],
) -> None:
    assert codes(policy, amount, due, due_time) == expected


def test_too_far_says_the_last_allowed_date(policy: Policy) -> None:
    [refusal] = check_promise(
        amount=Decimal(100),
        due_date=date(2025, 4, 1),
        overdue=OVERDUE,
        now=NOW,
        tz=SHANGHAI,
        policy=policy,
    )
    assert refusal.params == {"date": "2025-04-01", "latest": "2025-03-24", "days": "14"}


def test_borrowers_today_decides_not_utc(policy: Policy) -> None:
    # 00:30 on 11 March in Shanghai is still 10 March in UTC: 11 March is "today", not future.
    late_night = datetime(2025, 3, 11, 0, 30, tzinfo=SHANGHAI)
    refusals = check_promise(
        amount=Decimal(100),
        due_date=date(2025, 3, 10),
        overdue=OVERDUE,
        now=late_night,
        tz=SHANGHAI,
        policy=policy,
    )
    assert [r.code for r in refusals] == [ReasonCode.DATE_IN_PAST]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("100.00", []),
        ("99.99", [ReasonCode.PARTIAL_BELOW_MINIMUM]),
        ("2240.00", []),
        ("3000", [ReasonCode.AMOUNT_OVER_OVERDUE]),
    ],
)
def test_partial_payment_now_needs_at_least_100(
    policy: Policy, amount: str, expected: list[ReasonCode]
) -> None:
    assert codes(policy, amount, None, kind="partial") == expected


async def test_recorded_promise_keeps_exact_date_time_and_timezone(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PromiseStore(redis, clock)
    promise = await store.record(
        borrowers["D-1001"],
        amount=Decimal("800"),
        due_date=date(2025, 3, 14),
        due_time=time(15, 0),
        policy=policy,
    )
    assert promise.promise_id.startswith("R-")
    assert promise.amount == Decimal("800.00")
    assert promise.due_at == datetime(2025, 3, 14, 15, 0, tzinfo=SHANGHAI)
    assert promise.due_at.isoformat() == "2025-03-14T15:00:00+08:00"

    partial = await store.record(
        borrowers["D-1001"], amount=Decimal("150"), due_date=None, policy=policy, kind="partial"
    )
    assert partial.due_date == date(2025, 3, 10)

    assert [p.promise_id for p in await store.open_promises("D-1001")] == [
        partial.promise_id,
        promise.promise_id,
    ]
    kept = await store.set_status("D-1001", partial.promise_id, "kept")
    assert kept.status == "kept"
    assert [p.promise_id for p in await store.open_promises("D-1001")] == [promise.promise_id]


async def test_promise_outside_limits_is_not_recorded(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PromiseStore(redis, clock)
    with pytest.raises(PromiseError) as caught:
        await store.record(
            borrowers["D-1001"], amount=Decimal("5000"), due_date=date(2025, 5, 1), policy=policy
        )
    assert [r.code for r in caught.value.refusals] == [
        ReasonCode.AMOUNT_OVER_OVERDUE,
        ReasonCode.DATE_TOO_FAR,
    ]
    assert await store.history("D-1001") == []


async def test_a_changed_promise_replaces_the_old_in_one_step_and_changes_are_bounded(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PromiseStore(redis, clock)
    borrower = borrowers["D-1001"]
    first = await store.record(
        borrower, amount=Decimal("500"), due_date=date(2025, 3, 14), policy=policy
    )
    second = await store.record(
        borrower,
        amount=Decimal("500"),
        due_date=date(2025, 3, 21),
        policy=policy,
        replaces=first.promise_id,
    )
    assert (second.replaces, second.changes) == (first.promise_id, 1)
    assert await store.open_promises("D-1001") == [second]
    [old] = [p for p in await store.history("D-1001") if p.promise_id == first.promise_id]
    assert (old.status, old.closed_at) == ("cancelled", NOW)

    # The old promise cannot be changed again: it is closed. Nothing is written.
    with pytest.raises(PromiseError) as caught:
        await store.record(
            borrower,
            amount=Decimal("300"),
            due_date=date(2025, 3, 12),
            policy=policy,
            replaces=first.promise_id,
        )
    assert caught.value.refusals[0].code == ReasonCode.PROMISE_NOT_OPEN
    assert len(await store.history("D-1001")) == 2

    # The policy allows two changes (config/policy.yaml): the third is refused.
    third = await store.record(
        borrower,
        amount=Decimal("400"),
        due_date=date(2025, 3, 24),
        policy=policy,
        replaces=second.promise_id,
    )
    assert third.changes == 2
    with pytest.raises(PromiseError) as caught:
        await store.record(
            borrower,
            amount=Decimal("400"),
            due_date=date(2025, 3, 20),
            policy=policy,
            replaces=third.promise_id,
        )
    assert caught.value.refusals[0].code == ReasonCode.PROMISE_CHANGE_LIMIT
    assert caught.value.refusals[0].params == {"max": "2"}
    assert await store.open_promises("D-1001") == [third]


async def test_cancel_closes_only_the_borrowers_own_open_promise(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PromiseStore(redis, clock)
    promise = await store.record(
        borrowers["D-1001"], amount=Decimal("500"), due_date=date(2025, 3, 14), policy=policy
    )
    assert await store.cancel("D-1002", promise.promise_id) is None  # another borrower's id
    assert await store.cancel("D-1001", "R-NOSUCH") is None
    cancelled = await store.cancel("D-1001", promise.promise_id)
    assert cancelled is not None
    assert (cancelled.status, cancelled.closed_at) == ("cancelled", NOW)
    assert await store.cancel("D-1001", promise.promise_id) is None  # once only
    assert await store.open_promises("D-1001") == []


async def test_a_promise_stored_before_changes_existed_can_still_be_closed(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PromiseStore(redis, clock)
    promise = await store.record(
        borrowers["D-1001"], amount=Decimal("500"), due_date=date(2025, 3, 14), policy=policy
    )
    older = promise.model_dump_json(exclude={"replaces", "changes"})
    await redis.hset("repaybot:promises:{D-1001}", promise.promise_id, older)
    cancelled = await store.cancel("D-1001", promise.promise_id)
    assert cancelled is not None and cancelled.status == "cancelled"
