"""Flood control: a borrower sending faster than a person types gets one polite notice.

Runs after the transcript middleware, so a throttled message is still recorded: none is lost.
The counters live in Redis, so the limit holds across every worker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from redis.asyncio import Redis

from bot.conversation import Conversation


class ThrottleMiddleware(BaseMiddleware):
    def __init__(self, redis: Redis, *, limit: int = 8, notice_seconds: int = 15) -> None:
        self._redis = redis
        self.limit = limit
        self.notice = notice_seconds

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        convo: Conversation | None = data.get("convo")
        if convo is None:
            return await handler(event, data)
        # Counted in the conversation's snapshot (one round trip with everything else).
        if convo.recent_messages <= self.limit:
            return await handler(event, data)
        noticed = await self._redis.set(
            f"repaybot:rate-notice:{convo.user_id}", 1, nx=True, ex=self.notice
        )
        if noticed:
            await convo.say("throttled")
        return None
