"""One turn of a conversation, as handlers see it: who, in which language, and how to answer."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from actions import slots
from bot.action_client import ActionError, ActionResult, response_variables
from bot.i18n import Catalog
from bot.nlu.base import ParseResult
from bot.services import BotServices

logger = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove
TELEGRAM_TEXT_LIMIT = 4096


class Conversation:
    """Handed to every handler as `convo` by the middlewares."""

    def __init__(
        self,
        *,
        bot: Bot,
        chat_id: int,
        user_id: int,
        lang: str,
        borrower_id: str | None,
        state: FSMContext,
        services: BotServices,
        parse: ParseResult | None,
        ticket_id: str | None = None,
        recent_messages: int = 0,
        turn: int = 0,
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.user_id = user_id
        self.lang = lang
        self.borrower_id = borrower_id
        self.state = state
        self.services = services
        self.parse = parse
        self.ticket_id = ticket_id
        self.recent_messages = recent_messages  # in the flood-control window, this one included
        self.turn = turn  # this update's number in the chat: "in a row" means consecutive turns

    @property
    def verified(self) -> bool:
        return self.borrower_id is not None

    @property
    def catalog(self) -> Catalog:
        return self.services.catalog

    @property
    def lender(self) -> str:
        """The lender's name in the borrower's language."""
        return self.services.settings.content.lender_name(self.lang)

    @property
    def intent(self) -> str | None:
        return self.parse.intent.name if self.parse else None

    @property
    def text(self) -> str | None:
        """The text of the message understood this turn (None for a button or no text)."""
        return self.parse.text if self.parse else None

    def t(self, key: str, /, **variables: Any) -> str:
        return self.catalog.text(self.lang, key, **variables)

    async def say(self, key: str, /, *, markup: Markup | None = None, **variables: Any) -> None:
        await self.send(self.t(key, **variables), markup=markup)

    async def send(self, text: str, *, markup: Markup | None = None) -> None:
        await self.bot.send_message(self.chat_id, text[:TELEGRAM_TEXT_LIMIT], reply_markup=markup)

    async def act(
        self,
        action: str,
        /,
        extra_slots: Mapping[str, Any] | None = None,
        *,
        markup: Markup | None = None,
    ) -> ActionResult | None:
        """Runs an action and sends its responses; None (and an apology) if it could not run."""
        tracker_slots = {
            slots.BORROWER_ID: self.borrower_id,
            slots.LANG: self.lang,
            **(extra_slots or {}),
        }
        message = self.parse.model_dump(mode="json") if self.parse else None
        try:
            result = await self.services.actions.run(
                action, str(self.user_id), tracker_slots, message
            )
        except ActionError:
            logger.exception("action %s could not run", action)
            await self.say("error_temporary")
            return None
        changes = result.slot_changes()
        if slots.BORROWER_ID in changes:
            self.borrower_id = changes[slots.BORROWER_ID]
        await self.send_responses(result.responses, markup=markup)
        return result

    async def send_responses(
        self, responses: list[dict[str, Any]], *, markup: Markup | None = None
    ) -> None:
        """Renders responses in the borrower's language; texts in a row share one message."""
        chunks: list[str] = []
        for response in responses:
            name = response.get("response")
            if not name:
                continue
            text = self.t(name, **response_variables(response))
            buttons = response.get("buttons") or []
            if buttons:
                chunks.append(text)
                await self.send("\n\n".join(chunks), markup=self._buttons(buttons))
                chunks = []
            else:
                chunks.append(text)
        if chunks:
            await self._send_joined(chunks, markup)

    async def _send_joined(self, chunks: list[str], markup: Markup | None) -> None:
        message = ""
        for chunk in chunks:
            candidate = f"{message}\n\n{chunk}" if message else chunk
            if len(candidate) > TELEGRAM_TEXT_LIMIT and message:
                await self.send(message)
                candidate = chunk
            message = candidate
        await self.send(message, markup=markup)

    def _buttons(self, buttons: list[dict[str, Any]]) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text=self.t(b["title"]), callback_data=b["payload"])]
                for b in buttons
            ]
        )
