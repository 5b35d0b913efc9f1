"""A Bot API session that answers locally: for the terminal chat and in-process tests.

Telegram is the one part that cannot be reached here; this stands in for its HTTP API,
recording every request and answering with the objects Telegram would return.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from functools import partial
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    AnswerCallbackQuery,
    CopyMessage,
    CreateForumTopic,
    EditMessageReplyMarkup,
    EditMessageText,
    GetChatMember,
    GetMe,
    SendMessage,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    Chat,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
    ForumTopic,
    InlineKeyboardMarkup,
    Message,
    MessageId,
    User,
)

_MEMBER_TYPES: dict[str, Any] = {
    "creator": partial(ChatMemberOwner, is_anonymous=False),
    "member": ChatMemberMember,
    "left": ChatMemberLeft,
}
BOT_USER = User(id=42, is_bot=True, first_name="RepayBot", username="repay_demo_bot")


class LocalSession(BaseSession):
    """Records requests in `requests`; `sent` lists the SendMessage calls in order."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self._message_ids = itertools.count(1000)
        self._topic_ids = itertools.count(500)
        # Members of group chats, for getChatMember: user id → status ("member", "left"...).
        self.chat_members: dict[int, str] = {}

    @property
    def sent(self) -> list[SendMessage]:
        return [r for r in self.requests if isinstance(r, SendMessage)]

    def clear(self) -> None:
        self.requests.clear()

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        self.requests.append(method)
        self.on_request(method)
        return cast(TelegramType, self._answer(method))

    def on_request(self, method: TelegramMethod[Any]) -> None:
        """Hook for subclasses (the terminal chat prints here)."""

    def _answer(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendMessage | EditMessageText):
            chat_id = int(method.chat_id) if method.chat_id is not None else 0
            return Message(
                message_id=next(self._message_ids),
                date=datetime.now(UTC),
                chat=Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup"),
                from_user=BOT_USER,
                text=method.text,
                reply_markup=_inline_only(getattr(method, "reply_markup", None)),
            )
        if isinstance(method, CreateForumTopic):
            return ForumTopic(
                message_thread_id=next(self._topic_ids), name=method.name, icon_color=0x6FB9F0
            )
        if isinstance(method, GetChatMember):
            status = self.chat_members.get(method.user_id, "left")
            user = User(id=method.user_id, is_bot=False, first_name=f"User{method.user_id}")
            return _MEMBER_TYPES[status](status=status, user=user)
        if isinstance(method, CopyMessage):
            return MessageId(message_id=next(self._message_ids))
        if isinstance(method, AnswerCallbackQuery | EditMessageReplyMarkup):
            return True
        return True


def _inline_only(markup: object) -> InlineKeyboardMarkup | None:
    """A sent message carries only its inline keyboard; reply keyboards belong to the chat."""
    return markup if isinstance(markup, InlineKeyboardMarkup) else None
