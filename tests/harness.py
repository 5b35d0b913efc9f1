"""Drives the real dispatcher with real Updates; Telegram's side is a recording LocalSession."""

from __future__ import annotations

import itertools
import secrets
from datetime import UTC, datetime

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    Update,
    User,
)

from bot.factory import key_builder
from bot.local_session import BOT_USER, LocalSession
from bot.services import BotServices
from bot.updates import UpdateFactory


class ChatDriver:
    """One Telegram user talking to the bot; each call returns the texts the bot sent back."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        session: LocalSession,
        user_id: int,
        language_code: str | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.session = session
        self.updates = UpdateFactory(user_id, language_code)
        self.replies: list[SendMessage] = []

    async def feed(self, update: Update) -> list[str]:
        self.session.clear()
        await self.dispatcher.feed_update(self.bot, update)
        self.replies = [r for r in self.session.sent if r.chat_id == self.updates.chat.id]
        return [r.text for r in self.replies]

    async def send(self, text: str) -> list[str]:
        return await self.feed(self.updates.text(text))

    async def share_contact(self, phone: str, contact_user_id: int | None = None) -> list[str]:
        return await self.feed(self.updates.contact(phone, contact_user_id))

    async def press(self, data: str) -> list[str]:
        return await self.feed(self.updates.press(data))

    @property
    def alerts(self) -> list[str]:
        return [
            str(r.text)
            for r in self.session.requests
            if isinstance(r, AnswerCallbackQuery) and r.text
        ]

    def buttons(self) -> list[tuple[str, str]]:
        """(label, data) of the inline buttons under the last reply."""
        for reply in reversed(self.replies):
            if isinstance(reply.reply_markup, InlineKeyboardMarkup):
                return [
                    (b.text, str(b.callback_data))
                    for row in reply.reply_markup.inline_keyboard
                    for b in row
                ]
        return []

    def asks_for_contact(self) -> bool:
        return any(
            isinstance(r.reply_markup, ReplyKeyboardMarkup)
            and any(b.request_contact for row in r.reply_markup.keyboard for b in row)
            for r in self.replies
        )

    async def verify(self, phone: str, id_last4: str) -> list[str]:
        await self.send("/start")
        await self.share_contact(phone)
        return await self.send(id_last4)


async def fsm_data(services: BotServices, user_id: int) -> dict[str, object]:
    """What the bot keeps in FSM data for a borrower's private chat."""
    storage = RedisStorage(services.redis, key_builder=key_builder())
    return await storage.get_data(StorageKey(bot_id=42, chat_id=user_id, user_id=user_id))


def joined(texts: list[str]) -> str:
    return "\n".join(texts)


def data_of(chat: ChatDriver, label: str) -> str:
    """The callback data of the button labelled `label` under the chat's last reply."""
    return dict(chat.buttons())[label]


class AgentDriver:
    """An agent in the agents' forum group: presses card buttons and writes in topics."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        session: LocalSession,
        chat_id: int,
        user_id: int,
        name: str,
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.session = session
        self.chat = Chat(id=chat_id, type="supergroup", title="Agents", is_forum=True)
        self.user = User(id=user_id, is_bot=False, first_name=name)
        self._ids = itertools.count(secrets.randbits(40))

    async def _feed(self, update: Update) -> None:
        self.session.clear()
        await self.dispatcher.feed_update(self.bot, update)

    async def press(self, data: str, topic_id: int | None = None) -> list[str]:
        """Presses a button; returns the alert/notice texts the agent saw."""
        origin = Message(
            message_id=next(self._ids) % 10**6,
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=BOT_USER,
            text="card",
            message_thread_id=topic_id,
        )
        query = CallbackQuery(
            id=str(next(self._ids)),
            from_user=self.user,
            chat_instance="agents",
            message=origin,
            data=data,
        )
        await self._feed(Update(update_id=next(self._ids), callback_query=query))
        return [
            str(r.text)
            for r in self.session.requests
            if isinstance(r, AnswerCallbackQuery) and r.text
        ]

    async def write(self, topic_id: int, text: str) -> None:
        message = Message(
            message_id=next(self._ids) % 10**6,
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=self.user,
            text=text,
            message_thread_id=topic_id,
            is_topic_message=True,
        )
        await self._feed(Update(update_id=next(self._ids), message=message))

    def sent_to(self, chat_id: int) -> list[str]:
        return [str(r.text) for r in self.session.sent if r.chat_id == chat_id]
