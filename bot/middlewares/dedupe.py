"""Each update id is handled at most once across every worker, and a failed one can be retried.

`processing` (short TTL) while a worker handles it; `done` (24 h) once handled. A duplicate
of a done update is dropped; a duplicate of one still processing elsewhere is refused for
now (`UpdateInProgressError`: the webhook answers 503 and Telegram delivers it again later), so a
worker that dies mid-update does not take the update with it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update
from redis.asyncio import Redis

from bot.fsm_storage import pending_writes
from bot.isolation import queue_release
from bot.transcript import TranscriptStore
from bot.turn import Turn, turn
from bot.write_batch import WriteBatch

DONE_TTL_SECONDS = 24 * 3600
PROCESSING_TTL_SECONDS = 60
_DONE = b"done"


class UpdateInProgressError(Exception):
    """Another worker is handling this update right now."""


class DedupeMiddleware(BaseMiddleware):
    """Also ends the turn: the `done` mark, the turn's outgoing transcript, its FSM changes and
    the release of the chat's lock in one call (a `WriteBatch`). A failed turn's FSM changes
    are dropped: the update is handled again from the state it found."""

    def __init__(self, redis: Redis, transcripts: TranscriptStore) -> None:
        self._redis = redis
        self._transcripts = transcripts

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot: Bot = data["bot"]
        key = f"repaybot:update:{bot.id}:{event.update_id}"
        if not await self._redis.set(key, "processing", nx=True, ex=PROCESSING_TTL_SECONDS):
            if await self._redis.get(key) == _DONE:
                return None
            raise UpdateInProgressError(event.update_id)
        with turn() as current:
            try:
                result = await handler(event, data)
            except BaseException:
                # Sent messages stay on record; the update itself may be handled again.
                await self._end(current, key, done=False)
                raise
            await self._end(current, key, done=True)
        return result

    async def _end(self, current: Turn, key: str, *, done: bool) -> None:
        batch = WriteBatch(self._redis)
        for message in current.outgoing:
            self._transcripts.queue_append(batch, message.chat_id, "out", message.text)
        fsm = pending_writes()
        if done:
            batch.set(key, _DONE.decode(), ex=DONE_TTL_SECONDS)
            if fsm is not None:
                fsm.queue_writes(batch)
        else:
            batch.delete(key)
        lock = queue_release(batch)
        await batch.execute()
        if fsm is not None:
            fsm.written()
        if lock is not None:
            lock.released = True
