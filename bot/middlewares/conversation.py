"""Builds the `Conversation` for a private chat: identity, the message's parse, language."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import Chat, TelegramObject, Update, User

from bot.conversation import Conversation
from bot.i18n import telegram_language
from bot.middlewares.read_ahead import PARSE_KEY, message_text
from bot.nlu.base import ParseResult
from bot.nlu.normalize import detect_lang
from bot.services import BotServices
from bot.snapshot import ChatSnapshot
from bot.turn import Turn

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Chinese with this many English words in it is both languages ("你好 I want to pay"): it keeps
# the conversation's language; "app一直报错" or "我的loan" is Chinese.
MIXED_WORDS = 3


def text_language(text: str) -> str | None:
    """zh for Chinese, en for a word of Latin letters, undecided for both or neither."""
    if text.startswith("/"):
        return None  # a command says nothing about the language
    if detect_lang(text) == "zh":
        return None if len(_LATIN_WORD.findall(text)) >= MIXED_WORDS else "zh"
    letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "en" if letters >= 2 else None


class ConversationMiddleware(BaseMiddleware):
    """Needs the snapshot `TurnMiddleware` took as the turn opened (a borrower's private chat)
    and the turn itself, whose closing call writes what this queues; the message's parse is the
    one `ReadAheadMiddleware` started."""

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
        fsm: FSMContext | None = data.get("state")
        snapshot: ChatSnapshot | None = data.get("snapshot")
        current: Turn | None = data.get("turn")
        if (
            not isinstance(event, Update)
            or user is None
            or chat is None
            or fsm is None
            or snapshot is None
            or current is None
        ):
            return await handler(event, data)
        services = self._services
        text = message_text(event)
        parse_ahead: asyncio.Future[ParseResult] | None = data.get(PARSE_KEY)
        parse = await parse_ahead if parse_ahead is not None else None
        lang = await self._language(user, snapshot, text, current)
        bot: Bot = data["bot"]
        data["convo"] = Conversation(
            bot=bot,
            chat_id=chat.id,
            user_id=user.id,
            lang=lang,
            borrower_id=snapshot.borrower_id,
            state=fsm,
            services=services,
            parse=parse,
            ticket_id=snapshot.ticket_id,
            recent_messages=snapshot.recent_messages,
            turn=snapshot.turn,
        )
        return await handler(event, data)

    async def _language(
        self, user: User, snapshot: ChatSnapshot, text: str | None, current: Turn
    ) -> str:
        """Chosen (/lang) > the language of this message > last written > the Telegram client's
        > the ledger's > the default.

        The client's comes before the ledger's: the bot has spoken it since the first message,
        before verification named the borrower, and a message with no words in it (an emoji,
        ID digits) must not switch the conversation to the ledger's language. A newly written
        language is remembered by the turn's closing call."""
        prefs = self._services.domain.preferences
        chosen, last, borrower_id = snapshot.chosen_lang, snapshot.last_lang, snapshot.borrower_id
        if chosen:
            return chosen
        written = text_language(text) if text else None
        if written:
            if written != last:
                current.writes.append(
                    partial(prefs.queue_last_language, user_id=user.id, lang=written)
                )
            return written
        if last:
            return last
        client = telegram_language(user.language_code)
        if client:
            return client
        if borrower_id:
            borrower = await self._services.domain.ledger.get(borrower_id)
            if borrower is not None:
                return borrower.language
        return self._services.settings.content.default_language
