"""The FSM storage serves the turn's own state and data from the snapshot, and stays right."""

from __future__ import annotations

from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from redis.asyncio import Redis

from bot.fsm_storage import PrefetchingStorage
from dialogs.states import Hardship

KEY = StorageKey(bot_id=42, chat_id=7001, user_id=7001)
OTHER = StorageKey(bot_id=42, chat_id=7002, user_id=7002)


def _storage(redis: Redis) -> PrefetchingStorage:
    return PrefetchingStorage(redis, key_builder=DefaultKeyBuilder(prefix="t", with_bot_id=True))


async def _prefetch(storage: PrefetchingStorage, redis: Redis) -> tuple[bytes | None, bytes | None]:
    async with redis.pipeline(transaction=False) as pipe:
        storage.queue_prefetch(pipe, KEY)
        state, data = await pipe.execute()
    return state, data


async def test_the_turn_reads_what_the_snapshot_read_without_asking_redis(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(KEY, Hardship.choose)
    await storage.set_data(KEY, {"plan": "six", "amounts": ["373.33"]})
    state, data = await _prefetch(storage, redis)
    await redis.flushdb()  # from here, only the prefetched copy knows the values
    with storage.prefetched(KEY, state, data):
        assert await storage.get_state(KEY) == Hardship.choose.state
        assert await storage.get_data(KEY) == {"plan": "six", "amounts": ["373.33"]}
    assert await storage.get_state(KEY) is None  # after the turn, Redis again


async def test_writes_reach_redis_and_what_is_served(redis: Redis) -> None:
    storage = _storage(redis)
    with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        assert await storage.get_state(KEY) is None
        assert await storage.get_data(KEY) == {}
        await storage.set_state(KEY, Hardship.confirm)
        await storage.update_data(KEY, {"option": "defer"})
        assert await storage.get_state(KEY) == Hardship.confirm.state
        assert await storage.get_data(KEY) == {"option": "defer"}
    assert await storage.get_state(KEY) == Hardship.confirm.state
    assert await storage.get_data(KEY) == {"option": "defer"}


async def test_a_changed_copy_does_not_change_the_served_data(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_data(KEY, {"slots": [1, 2]})
    with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        first = await storage.get_data(KEY)
        first["slots"].append(3)
        assert await storage.get_data(KEY) == {"slots": [1, 2]}


async def test_other_chats_are_read_from_redis(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(OTHER, Hardship.choose)
    with storage.prefetched(KEY, *await _prefetch(storage, redis)):
        assert await storage.get_state(OTHER) == Hardship.choose.state
        await storage.set_state(OTHER, None)
        assert await storage.get_state(KEY) is None
    assert await storage.get_state(OTHER) is None
