"""Messages for borrowers written where no Telegram bot runs (the agent console).

Kept in Redis until the process that talks to the borrower (the polling or webhook bot, or
the terminal chat) sends them; nothing is lost if none is running at the time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from redis.asyncio import Redis

from actions.domain.redis_util import text
from bot.outage import REDIS_DOWN, OutageLog

logger = logging.getLogger(__name__)

_PENDING = "repaybot:outbox:chats"


def _key(chat_id: int) -> str:
    return f"repaybot:outbox:{chat_id}"


Send = Callable[[int, str], Awaitable[None]]


class Outbox:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def put(self, chat_id: int, message: str) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(_key(chat_id), json.dumps({"text": message}, ensure_ascii=False))
            pipe.sadd(_PENDING, str(chat_id))
            await pipe.execute()

    async def drain(self, chat_id: int, send: Send) -> int:
        """Sends the chat's messages in order; a message is removed only once sent."""
        sent = 0
        while (raw := await self._redis.lindex(_key(chat_id), 0)) is not None:
            await send(chat_id, json.loads(text(raw))["text"])
            await self._redis.lpop(_key(chat_id))
            sent += 1
        await self._redis.srem(_PENDING, str(chat_id))
        return sent

    async def drain_all(self, send: Send) -> int:
        chats = [int(text(c)) for c in await self._redis.smembers(_PENDING)]
        return sum([await self.drain(chat_id, send) for chat_id in chats])

    async def run(
        self,
        send: Send,
        *,
        chat_id: int | None = None,
        interval: float = 0.5,
        outage: OutageLog | None = None,
    ) -> None:
        """Delivers forever (one chat's messages, or every chat's), until cancelled.

        A cancellation that lands in a Redis call can be swallowed there or surface as a
        connection error; the loop checks for one, or it would go on forever after being
        told to stop."""
        outage = outage or OutageLog("Redis")
        delay = interval
        this = asyncio.current_task()

        def told_to_stop() -> bool:
            return this is not None and this.cancelling() > 0

        while True:
            try:
                if chat_id is None:
                    await self.drain_all(send)
                else:
                    await self.drain(chat_id, send)
                outage.ok()
                delay = interval
            except Exception as error:
                if told_to_stop():
                    raise asyncio.CancelledError from error
                if isinstance(error, REDIS_DOWN):
                    outage.failed(error)
                    delay = min(delay * 2, 30.0)
                else:
                    logger.exception("outbox delivery failed; retrying")
            if told_to_stop():
                raise asyncio.CancelledError
            await asyncio.sleep(delay)


@contextlib.asynccontextmanager
async def delivering(
    outbox: Outbox, send: Send, chat_id: int | None = None, outage: OutageLog | None = None
) -> AsyncIterator[asyncio.Task[None]]:
    """Runs `Outbox.run` in the background for the duration of the block."""
    task = asyncio.create_task(outbox.run(send, chat_id=chat_id, outage=outage))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
