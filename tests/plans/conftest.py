"""Conversation fixtures for the plan flows: the same real dispatcher and Redis as tests/bot,
plus chats with their own Bot session so two borrowers can press buttons at the same moment."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.factory import build_bot
from bot.local_session import LocalSession
from bot.services import BotServices
from tests.bot.conftest import *  # noqa: F403  (the shared conversation fixtures)
from tests.bot.conftest import Telegram
from tests.harness import ChatDriver


@pytest.fixture
def separate_chat(services: BotServices, telegram: Telegram) -> Callable[..., ChatDriver]:
    """A chat with its own recording session, on the dispatcher every chat shares."""

    def open_chat(user_id: int, language_code: str | None = "zh-hans") -> ChatDriver:
        session = LocalSession()
        bot = build_bot(services, session=session)
        return ChatDriver(telegram.dispatcher, bot, session, user_id, language_code)

    return open_chat
