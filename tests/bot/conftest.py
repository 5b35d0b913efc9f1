"""Fixtures for conversations through the real dispatcher against a real Redis."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.services import BotServices, build_services
from bot.settings import Settings
from tests.harness import ChatDriver

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Tuesday 1 December 2026, 10:00 in Shanghai.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)

D1001 = ("+86 138 0013 8000", "4321")
D1002 = ("+86 139 0000 1002", "5566")
D1003 = ("+86 137 0000 1003", "7788")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def services(redis: Redis, redis_url: str, clock: FixedClock) -> AsyncIterator[BotServices]:
    built = build_services(Settings(), redis_url, clock=clock)
    yield built
    await built.close()


@pytest.fixture
def new_chat(services: BotServices) -> Callable[..., ChatDriver]:
    """Opens a chat for a Telegram user id (one dispatcher and bot shared by all chats)."""
    dispatcher = build_dispatcher(services)
    session = LocalSession()
    bot = build_bot(services, session=session)

    def open_chat(user_id: int = 5001, language_code: str | None = "zh-hans") -> ChatDriver:
        return ChatDriver(dispatcher, bot, session, user_id, language_code)

    return open_chat


@pytest.fixture
def chat(new_chat: Callable[..., ChatDriver]) -> ChatDriver:
    return new_chat()
