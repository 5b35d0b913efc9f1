"""Builds the `Conversation` for a private chat: identity, NLU, language, transcript."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.enums import ChatType
from aiogram.fsm.context import FSMContext
from aiogram.types import Chat, Message, TelegramObject, Update, User

from actions.domain.masking import mask_phone
from bot.conversation import Conversation
from bot.nlu.base import ParseResult
from bot.nlu.keyword_matcher import detect_lang
from bot.services import BotServices
from dialogs.states import Verify

MAX_NLU_TEXT = 1000


def text_language(text: str) -> str | None:
    """zh for any Chinese character, en for a word of Latin letters, else undecided."""
    if text.startswith("/"):
        return None  # a command says nothing about the language
    if detect_lang(text) == "zh":
        return "zh"
    letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "en" if letters >= 2 else None


def telegram_language(user: User) -> str | None:
    code = (user.language_code or "").lower()
    if code.startswith("zh"):
        return "zh"
    if code.startswith("en"):
        return "en"
    return None


def incoming_record(message: Message, state: str | None) -> tuple[str, str, bool]:
    """(kind, text, sensitive) of an incoming message for the transcript."""
    kind = str(message.content_type)
    if message.contact is not None:
        return kind, f"[contact {mask_phone(message.contact.phone_number)}]", False
    text = message.text or message.caption or f"[{kind}]"
    return kind, text, state == Verify.id_digits.state


class ConversationMiddleware(BaseMiddleware):
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
        if (
            not isinstance(event, Update)
            or user is None
            or chat is None
            or fsm is None
            or chat.type != ChatType.PRIVATE
        ):
            return await handler(event, data)
        services = self._services
        domain = services.domain
        await domain.stats.record_conversation(chat.id)
        borrower_id = await domain.identity.bound_borrower(user.id)
        ticket_id = await domain.tickets.open_for_chat(chat.id)
        message = event.message
        text = (message.text or message.caption) if message else None
        parse: ParseResult | None = None
        if text and not text.startswith("/"):  # commands are routed by name, not understood
            parse = await services.nlu.parse(text[:MAX_NLU_TEXT], services.clock.now())
        lang = await self._language(user, borrower_id, text)
        state = await fsm.get_state()
        if message is not None:
            kind, record, sensitive = incoming_record(message, state)
            await services.transcripts.append(chat.id, "in", record, kind, sensitive=sensitive)
        elif event.callback_query is not None:
            await services.transcripts.append(
                chat.id, "in", f"[button {event.callback_query.data}]", "callback"
            )
        bot: Bot = data["bot"]
        data["convo"] = Conversation(
            bot=bot,
            chat_id=chat.id,
            user_id=user.id,
            lang=lang,
            borrower_id=borrower_id,
            state=fsm,
            services=services,
            parse=parse,
            ticket_id=ticket_id,
        )
        return await handler(event, data)

    async def _language(self, user: User, borrower_id: str | None, text: str | None) -> str:
        """Chosen (/lang) > the language of this message > last written > ledger > Telegram."""
        prefs = self._services.domain.preferences
        chosen, last = await prefs.languages(user.id)
        if chosen:
            return chosen
        written = text_language(text) if text else None
        if written:
            if written != last:
                await prefs.set_last_language(user.id, written)
            return written
        if last:
            return last
        if borrower_id:
            borrower = await self._services.domain.ledger.get(borrower_id)
            if borrower is not None:
                return borrower.language
        return telegram_language(user) or self._services.settings.content.default_language
