"""The storage serves the turn's chat from what the opening read, and queues what changed."""

from __future__ import annotations

from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from redis.asyncio import Redis

from bot.fsm_storage import PrefetchingStorage
from bot.write_batch import WriteBatch
from dialogs.states import Hardship

KEY = StorageKey(bot_id=42, chat_id=7001, user_id=7001)
OTHER = StorageKey(bot_id=42, chat_id=7002, user_id=7002)


def _storage(redis: Redis) -> PrefetchingStorage:
    return PrefetchingStorage(redis, key_builder=DefaultKeyBuilder(prefix="t", with_bot_id=True))


async def _raw(storage: PrefetchingStorage, redis: Redis) -> tuple[bytes | None, bytes | None]:
    """The raw state and data, as the turn's opening reads them with the lock."""
    build = storage.key_builder.build
    return await redis.get(build(KEY, "state")), await redis.get(build(KEY, "data"))


async def test_the_turn_reads_what_the_opening_read_without_asking_redis(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(KEY, Hardship.choose)
    await storage.set_data(KEY, {"plan": "six", "amounts": ["373.33"]})
    state, data = await _raw(storage, redis)
    await redis.flushdb()  # from here, only the served copy knows the values
    with storage.serving(KEY, state, data):
        assert await storage.get_state(KEY) == Hardship.choose.state
        assert await storage.get_data(KEY) == {"plan": "six", "amounts": ["373.33"]}
    assert await storage.get_state(KEY) is None  # after the turn, Redis again


async def test_changes_are_served_at_once_and_written_by_the_turns_batch(redis: Redis) -> None:
    storage = _storage(redis)
    with storage.serving(KEY, *await _raw(storage, redis)) as turn:
        assert not turn.changed
        assert await storage.get_state(KEY) is None
        await storage.set_state(KEY, Hardship.confirm)
        await storage.update_data(KEY, {"option": "defer"})
        assert turn.changed
        assert await storage.get_state(KEY) == Hardship.confirm.state
        assert await storage.get_data(KEY) == {"option": "defer"}
        assert await _raw(storage, redis) == (None, None)  # not yet in Redis
    assert await _raw(storage, redis) == (None, None)  # the way out writes nothing
    batch = WriteBatch(redis)
    turn.queue_writes(batch)
    await batch.execute()
    assert await storage.get_state(KEY) == Hardship.confirm.state
    assert await storage.get_data(KEY) == {"option": "defer"}
    ttl = await redis.ttl(storage.key_builder.build(KEY, "state"))
    assert ttl == -1  # this storage was built without TTLs, as RedisStorage would write it


async def test_cleared_state_and_data_are_deleted(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(KEY, Hardship.choose)
    await storage.set_data(KEY, {"old": 1})
    with storage.serving(KEY, *await _raw(storage, redis)) as turn:
        await storage.set_state(KEY, None)
        await storage.set_data(KEY, {})
    batch = WriteBatch(redis)
    turn.queue_writes(batch)
    await batch.execute()
    assert await _raw(storage, redis) == (None, None)


async def test_a_changed_copy_does_not_change_the_served_data(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_data(KEY, {"slots": [1, 2]})
    with storage.serving(KEY, *await _raw(storage, redis)):
        first = await storage.get_data(KEY)
        first["slots"].append(3)
        assert await storage.get_data(KEY) == {"slots": [1, 2]}


async def test_other_chats_are_read_and_written_at_once(redis: Redis) -> None:
    storage = _storage(redis)
    await storage.set_state(OTHER, Hardship.choose)
    with storage.serving(KEY, *await _raw(storage, redis)):
        assert await storage.get_state(OTHER) == Hardship.choose.state
        await storage.set_state(OTHER, None)
        assert await storage.get_state(KEY) is None
    assert await storage.get_state(OTHER) is None
