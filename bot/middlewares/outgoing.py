"""Outgoing messages within Telegram's limits, across every worker (counters in Redis).

About 30 messages a second per bot, about one a second per chat (short bursts allowed) and
20 a minute per group. A 429 answer is waited out (`retry_after`) and the request retried;
messages to the agents' group are retried longest, so relays are never dropped.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import CopyMessage, ForwardMessage, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from redis.asyncio import Redis

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutgoingLimits:
    per_bot_per_second: int = 30
    per_chat_per_second: int = 3
    per_group_per_minute: int = 20
    retries_private: int = 5
    retries_group: int = 30


def _is_send(method: TelegramMethod[Any]) -> bool:
    return type(method).__name__.startswith("Send") or isinstance(
        method, CopyMessage | ForwardMessage
    )


class OutgoingRateLimit(BaseRequestMiddleware):
    def __init__(self, redis: Redis, limits: OutgoingLimits | None = None) -> None:
        self._redis = redis
        self.limits = limits or OutgoingLimits()

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        chat_id = getattr(method, "chat_id", None)
        group = isinstance(chat_id, int) and chat_id < 0
        if _is_send(method) and isinstance(chat_id, int | str):
            await self._wait_for_slot(bot.id, int(chat_id), group)
        retries = self.limits.retries_group if group else self.limits.retries_private
        for attempt in range(retries + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if attempt == retries:
                    raise
                logger.warning("Telegram asked to wait %s s (429)", error.retry_after)
                await asyncio.sleep(error.retry_after)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _wait_for_slot(self, bot_id: int, chat_id: int, group: bool) -> None:
        limits = self.limits
        while True:
            now = time.time()
            second, minute = int(now), int(now // 60)
            keys = [
                (f"repaybot:out:{bot_id}:{second}", 2, limits.per_bot_per_second),
                (f"repaybot:out:{bot_id}:{chat_id}:{second}", 2, limits.per_chat_per_second),
            ]
            if group:
                keys.append(
                    (f"repaybot:out:{bot_id}:{chat_id}:m{minute}", 61, limits.per_group_per_minute)
                )
            async with self._redis.pipeline(transaction=True) as pipe:
                for key, ttl, _ in keys:
                    pipe.incr(key)
                    pipe.expire(key, ttl)
                counts = (await pipe.execute())[0::2]
            over = [
                i
                for i, (count, (_, _, limit)) in enumerate(zip(counts, keys, strict=True))
                if int(count) > limit
            ]
            if not over:
                return
            # Wait for the window that is full to roll over.
            minute_full = group and 2 in over
            await asyncio.sleep((60 - now % 60) if minute_full else (1 - now % 1) + 0.01)
