"""Webhook caller addresses behind proxies, and Telegram's sending limits across workers."""

from __future__ import annotations

import time
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import SendMessage
from aiohttp.test_utils import make_mocked_request
from redis.asyncio import Redis

from bot.local_session import LocalSession
from bot.middlewares.outgoing import OutgoingLimits, OutgoingRateLimit
from bot.webhook import client_ip

TELEGRAM = "149.154.167.220"


def _request(peer: str, forwarded: str | None = None) -> Any:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    request = make_mocked_request("POST", "/telegram/webhook", headers=headers)
    request._transport_peername = (peer, 443)  # type: ignore[attr-defined]
    return request


def test_forwarded_header_is_ignored_without_a_trusted_proxy() -> None:
    assert client_ip(_request("203.0.113.9", TELEGRAM), []) == "203.0.113.9"


def test_forwarded_header_counts_only_from_a_trusted_proxy() -> None:
    proxies = ["10.0.0.0/8"]
    assert client_ip(_request("10.1.2.3", f"{TELEGRAM}, 10.9.9.9"), proxies) == TELEGRAM
    # A client cannot forge its way past the proxy: the right-most untrusted hop counts.
    assert client_ip(_request("10.1.2.3", f"{TELEGRAM}, 198.51.100.7"), proxies) == "198.51.100.7"
    assert client_ip(_request("198.51.100.7", TELEGRAM), proxies) == "198.51.100.7"


async def test_a_429_is_waited_out_and_retried(redis: Redis) -> None:
    limiter = OutgoingRateLimit(redis)
    calls: list[float] = []

    async def make_request(bot: Bot, method: Any) -> Any:
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise TelegramRetryAfter(method=method, message="Too Many Requests", retry_after=1)
        return "sent"

    bot = Bot("42:TEST", session=LocalSession())
    assert await limiter(make_request, bot, SendMessage(chat_id=1, text="hi")) == "sent"
    assert len(calls) == 2
    assert calls[1] - calls[0] >= 1.0


async def test_one_chat_gets_at_most_its_share_per_second(redis: Redis) -> None:
    limiter = OutgoingRateLimit(redis, OutgoingLimits(per_chat_per_second=2))
    sent: list[float] = []

    async def make_request(bot: Bot, method: Any) -> Any:
        sent.append(time.time())
        return True

    bot = Bot("42:TEST", session=LocalSession())
    for n in range(5):
        await limiter(make_request, bot, SendMessage(chat_id=7, text=str(n)))
    per_second: dict[int, int] = {}
    for moment in sent:
        per_second[int(moment)] = per_second.get(int(moment), 0) + 1
    assert max(per_second.values()) <= 2
    assert len(sent) == 5
