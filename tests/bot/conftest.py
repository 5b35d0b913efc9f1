"""Fixtures for conversations through the real dispatcher against a real Redis."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot, Dispatcher
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.nlu.base import NLU
from bot.services import BotServices, build_nlu, build_services
from bot.settings import AgentsSettings, LimitsSettings, Settings
from tests.harness import AgentDriver, ChatDriver

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Tuesday 1 December 2026, 10:00 in Shanghai.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)

D1001 = ("+86 138 0013 8000", "4321")
D1002 = ("+86 139 0000 1002", "5566")
D1003 = ("+86 137 0000 1003", "7788")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


AGENTS_CHAT = -1001234567890


@pytest.fixture
def settings() -> Settings:
    """Agents' group configured; flood control loose (tests type faster than people)."""
    return Settings(
        agents=AgentsSettings(agents_chat_id=AGENTS_CHAT, agent_ids=[]),
        limits=LimitsSettings(messages_per_window=1000),
    )


@pytest.fixture(scope="session")
def nlu() -> NLU:
    """The trained classifier, trained (or loaded) once for the whole session."""
    return build_nlu(Settings())


@pytest.fixture
async def services(
    redis: Redis, redis_url: str, clock: FixedClock, settings: Settings, nlu: NLU
) -> AsyncIterator[BotServices]:
    built = build_services(settings, redis_url, clock=clock, nlu=nlu)
    yield built
    await built.close()


@dataclass
class Telegram:
    """One dispatcher and one bot (with its recording session) shared by every chat."""

    dispatcher: Dispatcher
    bot: Bot
    session: LocalSession


@pytest.fixture
def telegram(services: BotServices) -> Telegram:
    session = LocalSession()
    return Telegram(build_dispatcher(services), build_bot(services, session=session), session)


@pytest.fixture
def new_chat(telegram: Telegram) -> Callable[..., ChatDriver]:
    """Opens a chat for a Telegram user id."""

    def open_chat(user_id: int = 5001, language_code: str | None = "zh-hans") -> ChatDriver:
        return ChatDriver(
            telegram.dispatcher, telegram.bot, telegram.session, user_id, language_code
        )

    return open_chat


@pytest.fixture
def new_agent(telegram: Telegram) -> Callable[..., AgentDriver]:
    """An agent who is a member of the agents' group."""

    def open_agent(user_id: int = 9001, name: str = "Li", member: bool = True) -> AgentDriver:
        if member:
            telegram.session.chat_members[user_id] = "member"
        return AgentDriver(
            telegram.dispatcher, telegram.bot, telegram.session, AGENTS_CHAT, user_id, name
        )

    return open_agent


@pytest.fixture
def chat(new_chat: Callable[..., ChatDriver]) -> ChatDriver:
    return new_chat()
