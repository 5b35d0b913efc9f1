"""The brute-force guard: failures counted in a sliding window, a lock after the last allowed
one, and a lock that neither a correct answer nor another failure gets past while it holds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from actions.domain.identity import IdentityStore, VerificationLimits
from tests.domain.conftest import NOW

USER = 7201
FAILURES = f"repaybot:identity:failures:{USER}"
LOCK = f"repaybot:identity:lock:{USER}"


@pytest.fixture
def identity(redis: Redis, clock: FixedClock) -> IdentityStore:
    return IdentityStore(redis, clock, VerificationLimits())


async def lock_out(identity: IdentityStore) -> None:
    for _ in range(5):
        outcome = await identity.record_failure(USER)
    assert outcome.locked_until == NOW + timedelta(minutes=30)


async def test_failures_count_down_and_the_fifth_locks_for_30_minutes(
    identity: IdentityStore, redis: Redis
) -> None:
    remaining = [(await identity.record_failure(USER)).remaining for _ in range(4)]
    assert remaining == [4, 3, 2, 1]
    assert await identity.locked_until(USER) is None

    outcome = await identity.record_failure(USER)

    assert outcome.remaining == 0
    assert outcome.locked_until == NOW + timedelta(minutes=30)
    assert await identity.locked_until(USER) == NOW + timedelta(minutes=30)
    assert not await redis.exists(FAILURES)  # a fresh count once the lock ends
    assert timedelta(minutes=30) < timedelta(seconds=await redis.ttl(LOCK)) <= timedelta(minutes=31)


async def test_failures_older_than_the_window_no_longer_count(
    identity: IdentityStore, clock: FixedClock
) -> None:
    for _ in range(4):
        await identity.record_failure(USER)
    clock.advance(timedelta(hours=1, seconds=1))
    outcome = await identity.record_failure(USER)
    assert outcome.remaining == 4
    assert outcome.locked_until is None


async def test_a_correct_answer_while_locked_binds_nothing(
    identity: IdentityStore, clock: FixedClock
) -> None:
    await lock_out(identity)
    clock.advance(timedelta(minutes=29))

    assert await identity.bind(USER, "D-1001") == NOW + timedelta(minutes=30)
    assert await identity.bound_borrower(USER) is None

    clock.advance(timedelta(minutes=2))
    assert await identity.bind(USER, "D-1001") is None
    assert await identity.bound_borrower(USER) == "D-1001"
    assert await identity.locked_until(USER) is None


async def test_a_failure_while_locked_is_not_counted_and_does_not_extend_the_lock(
    identity: IdentityStore, clock: FixedClock, redis: Redis
) -> None:
    await lock_out(identity)
    clock.advance(timedelta(minutes=10))

    outcome = await identity.record_failure(USER)

    assert outcome.remaining == 0
    assert outcome.locked_until == NOW + timedelta(minutes=30)
    assert not await redis.exists(FAILURES)


async def test_binding_clears_earlier_failures(identity: IdentityStore) -> None:
    for _ in range(4):
        await identity.record_failure(USER)
    assert await identity.bind(USER, "D-1001") is None
    assert (await identity.record_failure(USER)).remaining == 4
