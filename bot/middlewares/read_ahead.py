"""A borrower's message is understood while Redis works on the turn's opening.

The parse needs only the text and the time, and the turn's opening call (`TurnMiddleware`,
registered after this) leaves the CPU idle while Redis runs it. So the parse starts here as a
task: the event loop runs it while the opener waits for Redis's reply, and
`ConversationMiddleware` takes its result. The work is the same; the borrower waits for the
longer of the two instead of both. An update that never reaches a conversation (a duplicate,
one another worker is handling) has its parse discarded.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import Chat, TelegramObject, Update, User

from bot.nlu.base import ParseResult
from bot.services import BotServices

MAX_NLU_TEXT = 1000
PARSE_KEY = "parse_ahead"


def message_text(update: Update) -> str | None:
    """The text of the update's message, or its caption."""
    message = update.message
    return (message.text or message.caption) if message is not None else None


def text_to_understand(update: Update) -> str | None:
    """The text of a message (or a caption) that is not a command, cut to `MAX_NLU_TEXT`."""
    text = message_text(update)
    if not text or text.startswith("/"):  # commands are routed by name, not understood
        return None
    return text[:MAX_NLU_TEXT]


class ReadAheadMiddleware(BaseMiddleware):
    """Outer middleware for `dp.update`, registered before `TurnMiddleware`: puts the parse of
    a private chat's text in `data` as a task (under `PARSE_KEY`)."""

    def __init__(self, services: BotServices) -> None:
        self._services = services

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        text = text_to_understand(event) if isinstance(event, Update) else None
        if text is None or user is None or chat is None or chat.type != ChatType.PRIVATE:
            return await handler(event, data)
        services = self._services
        parse = asyncio.ensure_future(services.nlu.parse(text, services.local_now()))
        data[PARSE_KEY] = parse
        try:
            return await handler(event, data)
        finally:
            _discard(parse)


def _discard(parse: asyncio.Future[ParseResult]) -> None:
    """Cancel a parse nobody took; a failure of one nobody took is not an error of the turn."""
    if not parse.done():
        parse.cancel()
    elif not parse.cancelled():
        with contextlib.suppress(Exception):
            parse.exception()
