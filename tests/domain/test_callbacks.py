"""Callbacks: slots in the borrower's time, capacity that holds under concurrent bookings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from actions.domain.callbacks import CallbackStore, bookable_slots
from actions.domain.clock import FixedClock
from actions.domain.policy import Policy
from actions.domain.reasons import ReasonCode
from tests.domain.conftest import NOW, SHANGHAI


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def store(redis: Redis, clock: FixedClock, policy: Policy) -> CallbackStore:
    return CallbackStore(redis, clock, policy.callbacks)


@pytest.fixture
async def clients(redis: Redis, redis_url: str) -> AsyncIterator[list[Redis]]:
    """Separate connections, as separate bot workers would have (`redis` flushed the db)."""
    made = [Redis.from_url(redis_url) for _ in range(8)]
    yield made
    for client in made:
        await client.aclose()


def test_slots_are_mon_to_sat_9_to_20_every_30_minutes_for_7_days(policy: Policy) -> None:
    slots = bookable_slots(NOW, SHANGHAI, policy.callbacks)
    assert slots[0] == at(10, 10, 30)  # Monday 10:00 now: the next slot starts 10:30
    assert at(10, 19, 30) in slots
    assert at(10, 20) not in slots
    assert at(11, 9) in slots
    assert at(11, 8, 30) not in slots
    assert not [s for s in slots if s.weekday() == 6]  # no Sunday
    assert slots[-1] == at(17, 10)  # seven days ahead
    assert len(slots) == 19 + 5 * 22 + 3


async def test_next_free_slots_and_slots_near_a_requested_time(store: CallbackStore) -> None:
    nxt = await store.free_slots(SHANGHAI, limit=3)
    assert [s.start for s in nxt] == [at(10, 10, 30), at(10, 11), at(10, 11, 30)]
    assert all(s.remaining == 3 and s.end - s.start == timedelta(minutes=30) for s in nxt)

    near = await store.free_slots(SHANGHAI, limit=3, near=datetime(2025, 3, 12, 14, 10))
    assert [s.start for s in near] == [at(12, 13, 30), at(12, 14), at(12, 14, 30)]
    # nobody calls on Sunday: Monday, the next day the team calls, not Saturday night (Monday
    # noon is past the 7 days, so its last slots)
    sunday = await store.free_slots(SHANGHAI, limit=2, near=at(16, 12))
    assert [s.start for s in sunday] == [at(17, 9, 30), at(17, 10)]


async def test_booking_confirms_date_time_and_timezone(store: CallbackStore) -> None:
    booking = await store.book("D-1001", at(11, 15), SHANGHAI)
    assert booking.ok
    assert booking.callback is not None
    callback = booking.callback
    assert callback.callback_id.startswith("C-")
    assert callback.start.isoformat() == "2025-03-11T15:00:00+08:00"
    assert callback.end == at(11, 15, 30)
    assert callback.timezone == "Asia/Shanghai"
    assert await store.upcoming("D-1001") == [callback]
    [slot] = await store.free_slots(SHANGHAI, limit=1, near=at(11, 15))
    assert (slot.start, slot.remaining) == (at(11, 15), 2)


async def test_borrower_time_is_their_own_timezone(store: CallbackStore) -> None:
    london = ZoneInfo("Europe/London")
    booking = await store.book("D-2001", datetime(2025, 3, 11, 9, 0), london)  # naive = local
    assert booking.ok
    assert booking.callback is not None
    assert booking.callback.start.isoformat() == "2025-03-11T09:00:00+00:00"
    assert booking.callback.timezone == "Europe/London"


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        (at(16, 10), ReasonCode.CALLBACK_OUTSIDE_HOURS),  # Sunday
        (at(11, 8, 30), ReasonCode.CALLBACK_OUTSIDE_HOURS),
        (at(11, 19, 45), ReasonCode.CALLBACK_OUTSIDE_HOURS),
        (at(11, 20), ReasonCode.CALLBACK_OUTSIDE_HOURS),
        (at(11, 10, 15), ReasonCode.CALLBACK_NOT_ON_SLOT),
        (at(10, 9, 30), ReasonCode.CALLBACK_IN_PAST),
        (at(18, 10), ReasonCode.CALLBACK_TOO_FAR),
    ],
)
async def test_outside_limits_explains_and_offers_nearby_slots(
    store: CallbackStore, start: datetime, reason: ReasonCode
) -> None:
    booking = await store.book("D-1001", start, SHANGHAI)
    assert not booking.ok
    assert booking.reason == reason
    assert booking.alternatives, "the borrower is offered other times"
    assert await store.upcoming("D-1001") == []


async def test_full_slot_is_refused_with_alternatives(store: CallbackStore) -> None:
    for borrower in ("B-1", "B-2", "B-3"):
        assert (await store.book(borrower, at(12, 10), SHANGHAI)).ok
    fourth = await store.book("B-4", at(12, 10), SHANGHAI)
    assert not fourth.ok
    assert fourth.reason == ReasonCode.SLOT_FULL
    assert [s.start for s in fourth.alternatives][:3] == [at(12, 9), at(12, 9, 30), at(12, 10, 30)]
    assert at(12, 10) not in [s.start for s in await store.free_slots(SHANGHAI, limit=200)]


async def test_one_upcoming_callback_per_borrower(store: CallbackStore) -> None:
    assert (await store.book("D-1001", at(12, 10), SHANGHAI)).ok
    second = await store.book("D-1001", at(13, 10), SHANGHAI)
    assert second.reason == ReasonCode.CALLBACK_ALREADY_BOOKED
    assert second.reason_params == {"start": "2025-03-12T10:00:00+08:00"}


async def test_concurrent_bookings_of_the_last_place_exactly_one_wins(
    clients: list[Redis], clock: FixedClock, policy: Policy
) -> None:
    stores = [CallbackStore(c, clock, policy.callbacks) for c in clients]
    for round_, hour in enumerate(range(10, 15)):
        slot = at(13, hour)
        assert (await stores[0].book(f"early-{round_}-a", slot, SHANGHAI)).ok
        assert (await stores[0].book(f"early-{round_}-b", slot, SHANGHAI)).ok
        results = await asyncio.gather(
            *(s.book(f"racer-{round_}-{i}", slot, SHANGHAI) for i, s in enumerate(stores))
        )
        assert sum(r.ok for r in results) == 1
        assert {r.reason for r in results if not r.ok} == {ReasonCode.SLOT_FULL}
        assert await clients[0].get(f"repaybot:{{cb}}:slot:{int(slot.timestamp())}") == b"3"


async def test_concurrent_bookings_by_one_borrower_keep_one_upcoming(
    clients: list[Redis], clock: FixedClock, policy: Policy
) -> None:
    stores = [CallbackStore(c, clock, policy.callbacks) for c in clients]
    results = await asyncio.gather(
        *(s.book("D-1001", at(14, 10 + i), SHANGHAI) for i, s in enumerate(stores))
    )
    assert sum(r.ok for r in results) == 1
    assert len(await stores[0].upcoming("D-1001")) == 1


async def test_cancel_frees_the_place(store: CallbackStore) -> None:
    for borrower in ("B-1", "B-2", "D-1001"):
        assert (await store.book(borrower, at(12, 10), SHANGHAI)).ok
    cancelled = await store.cancel("D-1001")
    assert cancelled is not None
    assert cancelled.status == "cancelled"
    assert await store.upcoming("D-1001") == []
    assert await store.cancel("D-1001") is None
    assert (await store.book("B-4", at(12, 10), SHANGHAI)).ok
    assert [c.status for c in await store.history("D-1001")] == ["cancelled"]


async def test_rebook_moves_the_callback_in_one_step(store: CallbackStore) -> None:
    old = (await store.book("D-1001", at(12, 10), SHANGHAI)).callback
    assert old is not None
    moved = await store.rebook("D-1001", at(13, 16), SHANGHAI)
    assert moved.ok
    assert moved.callback is not None
    assert moved.callback.start == at(13, 16)
    assert moved.callback.replaces == old.callback_id
    assert [c.start for c in await store.upcoming("D-1001")] == [at(13, 16)]
    slots = {s.start: s.remaining for s in await store.free_slots(SHANGHAI, limit=200)}
    assert slots[at(12, 10)] == 3
    assert slots[at(13, 16)] == 2


async def test_rebook_into_a_full_slot_keeps_the_old_callback(store: CallbackStore) -> None:
    for borrower in ("B-1", "B-2", "B-3"):
        assert (await store.book(borrower, at(13, 16), SHANGHAI)).ok
    assert (await store.book("D-1001", at(12, 10), SHANGHAI)).ok
    refused = await store.rebook("D-1001", at(13, 16), SHANGHAI)
    assert refused.reason == ReasonCode.SLOT_FULL
    assert [c.start for c in await store.upcoming("D-1001")] == [at(12, 10)]


async def test_after_the_callback_has_passed_a_new_one_can_be_booked(
    store: CallbackStore, clock: FixedClock
) -> None:
    assert (await store.book("D-1001", at(10, 11), SHANGHAI)).ok
    clock.set(at(10, 12))
    assert await store.upcoming("D-1001") == []
    assert (await store.book("D-1001", at(11, 11), SHANGHAI)).ok
