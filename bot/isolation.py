"""Per-chat isolation across workers, with the chat's FSM state and data read as the lock is
taken: one round trip where aiogram's `RedisEventIsolation` plus its state read take two, and
every later state check and data read in the turn costs none (`PrefetchingStorage`). The
release rides on the turn's last write (`queue_release`) instead of a round trip of its own."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey
from redis.asyncio import Redis

from bot.fsm_storage import PrefetchingStorage
from bot.write_batch import WriteBatch

# Taken only if free; then the state and data keys, read under the lock just taken.
_ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2]), redis.call('GET', KEYS[3])}
end
return {0}
"""
LOCK_TTL_MS = 60_000  # as aiogram's RedisEventIsolation: a crashed holder frees it in a minute
FIRST_RETRY_SECONDS = 0.005
MAX_RETRY_SECONDS = 0.1


@dataclass
class HeldLock:
    """The chat lock the current turn holds."""

    key: str
    token: str
    released: bool = False


_held: ContextVar[HeldLock | None] = ContextVar("repaybot_chat_lock", default=None)


def queue_release(batch: WriteBatch) -> HeldLock | None:
    """Queue the release of the turn's chat lock on `batch`, the turn's last write; once it
    has run, the caller sets `released` (otherwise the lock is released on its own)."""
    held = _held.get()
    if held is None or held.released:
        return None
    queue_release_of(batch, held)
    return held


def queue_release_of(batch: WriteBatch, held: HeldLock) -> None:
    """Released only by its holder: a lock that expired and was taken by another stays theirs."""
    batch.delete_if_equal(held.key, held.token)


class PrefetchingIsolation(BaseEventIsolation):
    """One update per chat at a time across every worker; waits (with backoff) for a busy chat."""

    def __init__(self, redis: Redis, storage: PrefetchingStorage) -> None:
        self._redis = redis
        self._storage = storage
        self._acquire = redis.register_script(_ACQUIRE)

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        build = self._storage.key_builder.build
        keys = [build(key, "lock"), build(key, "state"), build(key, "data")]
        token = secrets.token_hex(16)
        delay = FIRST_RETRY_SECONDS
        while True:
            reply = await self._acquire(keys=keys, args=[token, LOCK_TTL_MS])
            if reply[0]:
                break
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_SECONDS)
        held = HeldLock(keys[0], token)
        held_token = _held.set(held)
        try:
            async with self._storage.prefetched(key, reply[1], reply[2]):
                yield None
        finally:
            _held.reset(held_token)
            if not held.released:
                release = WriteBatch(self._redis)
                queue_release_of(release, held)
                await release.execute()

    async def close(self) -> None:
        return None
