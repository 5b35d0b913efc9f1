"""Each update id is handled at most once, across every worker (Redis SET NX, 24 h)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update
from redis.asyncio import Redis

DEDUPE_TTL_SECONDS = 24 * 3600


class DedupeMiddleware(BaseMiddleware):
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            bot: Bot = data["bot"]
            key = f"repaybot:update:{bot.id}:{event.update_id}"
            first = await self._redis.set(key, 1, nx=True, ex=DEDUPE_TTL_SECONDS)
            if not first:
                return None
        return await handler(event, data)
