"""The chat lock reads the FSM state and data; the storage serves them for the turn."""

from __future__ import annotations

import asyncio

import pytest
from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from redis.asyncio import Redis

from bot.fsm_storage import PrefetchingStorage, pending_writes
from bot.isolation import PrefetchingIsolation, queue_release
from bot.write_batch import WriteBatch
from dialogs.states import Hardship

KEY = StorageKey(bot_id=42, chat_id=7001, user_id=7001)
OTHER = StorageKey(bot_id=42, chat_id=7002, user_id=7002)


def _storage(redis: Redis) -> PrefetchingStorage:
    return PrefetchingStorage(redis, key_builder=DefaultKeyBuilder(prefix="t", with_bot_id=True))


async def _prefetch(storage: PrefetchingStorage, redis: Redis) -> tuple[bytes | None, bytes | None]:
    """The raw state and data, as `PrefetchingIsolation` reads them with the lock."""
    build = storage.key_builder.build
    return await redis.get(build(KEY, "state")), await redis.get(build(KEY, "data"))


async def test_the_turn_reads_what_the_lock_read_without_asking_redis(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(KEY, Hardship.choose)
    await storage.set_data(KEY, {"plan": "six", "amounts": ["373.33"]})
    state, data = await _prefetch(storage, redis)
    await redis.flushdb()  # from here, only the prefetched copy knows the values
    async with storage.prefetched(KEY, state, data):
        assert await storage.get_state(KEY) == Hardship.choose.state
        assert await storage.get_data(KEY) == {"plan": "six", "amounts": ["373.33"]}
    assert await storage.get_state(KEY) is None  # after the turn, Redis again


async def test_changes_are_served_at_once_and_written_when_the_turn_ends(redis: Redis) -> None:
    storage = _storage(redis)
    async with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        assert await storage.get_state(KEY) is None
        assert await storage.get_data(KEY) == {}
        await storage.set_state(KEY, Hardship.confirm)
        await storage.update_data(KEY, {"option": "defer"})
        assert await storage.get_state(KEY) == Hardship.confirm.state
        assert await storage.get_data(KEY) == {"option": "defer"}
        assert await _prefetch(storage, redis) == (None, None)  # not yet in Redis
    assert await storage.get_state(KEY) == Hardship.confirm.state
    assert await storage.get_data(KEY) == {"option": "defer"}
    ttl = await redis.ttl(storage.key_builder.build(KEY, "state"))
    assert ttl == -1  # this storage was built without TTLs, as RedisStorage would write it


async def test_a_failed_turn_leaves_the_state_it_found(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(KEY, Hardship.choose)

    async def failing_turn() -> None:
        async with storage.prefetched(KEY, *await _prefetch(storage, redis)):
            await storage.set_state(KEY, Hardship.confirm)
            await storage.set_data(KEY, {"option": "defer"})
            raise RuntimeError("the handler failed")

    with pytest.raises(RuntimeError):
        await failing_turn()
    assert await storage.get_state(KEY) == Hardship.choose.state
    assert await storage.get_data(KEY) == {}


async def test_the_turns_last_write_carries_the_changes(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_data(KEY, {"old": 1})
    async with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        assert pending_writes() is None
        await storage.set_state(KEY, None)
        await storage.set_data(KEY, {})
        changes = pending_writes()
        assert changes is not None
        batch = WriteBatch(redis)
        changes.queue_writes(batch)
        await batch.execute()
        changes.written()
        assert pending_writes() is None
        await redis.set(storage.key_builder.build(KEY, "data"), '{"later": 2}')
    # Written once, by the batch: the way out did not write the same changes again.
    assert await storage.get_data(KEY) == {"later": 2}


async def test_a_changed_copy_does_not_change_the_served_data(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_data(KEY, {"slots": [1, 2]})
    async with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        first = await storage.get_data(KEY)
        first["slots"].append(3)
        assert await storage.get_data(KEY) == {"slots": [1, 2]}


async def test_other_chats_are_read_from_redis(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(OTHER, Hardship.choose)
    async with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        assert await storage.get_state(OTHER) == Hardship.choose.state
        await storage.set_state(OTHER, None)
        assert await storage.get_state(KEY) is None
    assert await storage.get_state(OTHER) is None


async def test_the_lock_serves_the_state_it_read_and_is_released(redis: Redis) -> None:
    storage = _storage(redis)
    isolation = PrefetchingIsolation(redis, storage)
    await storage.set_state(KEY, Hardship.choose)
    lock_key = storage.key_builder.build(KEY, "lock")
    async with isolation.lock(KEY):
        assert await redis.pttl(lock_key) > 50_000  # a crashed holder frees it within a minute
        await redis.set(storage.key_builder.build(KEY, "state"), "elsewhere")
        assert await storage.get_state(KEY) == Hardship.choose.state
    assert await redis.exists(lock_key) == 0


async def test_one_update_per_chat_at_a_time(redis: Redis) -> None:
    isolation = PrefetchingIsolation(redis, _storage(redis))
    order: list[str] = []

    async def turn(name: str, key: StorageKey, hold: float) -> None:
        async with isolation.lock(key):
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")

    first = asyncio.create_task(turn("first", KEY, 0.2))
    await asyncio.sleep(0.05)
    await asyncio.gather(turn("second", KEY, 0), turn("other chat", OTHER, 0), first)
    assert order.index("second in") > order.index("first out")
    assert order.index("other chat out") < order.index("first out")


async def test_an_expired_lock_taken_by_another_worker_stays_theirs(redis: Redis) -> None:
    storage = _storage(redis)
    isolation = PrefetchingIsolation(redis, storage)
    lock_key = storage.key_builder.build(KEY, "lock")
    async with isolation.lock(KEY):
        await redis.set(lock_key, "another worker's token")
    assert await redis.get(lock_key) == b"another worker's token"


async def test_the_turns_last_write_releases_the_lock(redis: Redis) -> None:
    storage = _storage(redis)
    isolation = PrefetchingIsolation(redis, storage)
    lock_key = storage.key_builder.build(KEY, "lock")
    async with isolation.lock(KEY):
        batch = WriteBatch(redis)
        batch.set("t:update:1", "done")
        held = queue_release(batch)
        assert held is not None
        await batch.execute()
        held.released = True
        assert await redis.exists(lock_key) == 0
        assert await redis.get("t:update:1") == b"done"
        assert queue_release(WriteBatch(redis)) is None  # released once, not twice


async def test_a_queued_release_that_never_ran_is_made_at_the_end(redis: Redis) -> None:
    storage = _storage(redis)
    isolation = PrefetchingIsolation(redis, storage)
    async with isolation.lock(KEY):
        queue_release(WriteBatch(redis))  # and the write fails before it runs
    assert await redis.exists(storage.key_builder.build(KEY, "lock")) == 0
