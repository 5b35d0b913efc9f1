"""One borrower's chat as Telegram sees it: what the bot sent back after each update."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable
from typing import Any

from tests.e2e.standin import BotApiStandIn, Call
from tests.e2e.updates import TelegramUser

SETTLE_SECONDS = 0.5  # after the expected replies, how long a duplicate would have to show up

# The two lines of a balance that move with the calendar.
_AS_OF = re.compile(r"(以上数据截至|Figures as of) [^\n]*")
_NEXT_DUE = re.compile(r"(下一还款日：|Next due date: )[^\n]*")


def timeless(text: str) -> str:
    """The text with the as-of time and the next due date blanked out."""
    return _NEXT_DUE.sub(r"\1…", _AS_OF.sub(r"\1 …", text))


class E2EChat:
    """Watches the stand-in for the replies to one user's updates."""

    def __init__(self, api: BotApiStandIn, user: TelegramUser) -> None:
        self.api = api
        self.user = user
        self.replies: list[Call] = []  # sendMessage calls answering the last update
        self.calls: list[Call] = []  # every request the last update caused

    @property
    def transcript(self) -> list[str]:
        """Every text the bot sent this user, in order."""
        return [timeless(t) for t in self.api.sent_texts(self.user.chat_id)]

    async def after(self, delivered: Awaitable[Any], expect: int, timeout: float = 30) -> list[str]:
        """Awaits a delivery, then `expect` replies and a quiet moment; returns reply texts."""
        mark = len(self.api.calls)
        await delivered
        chat_id = self.user.chat_id
        await self.api.wait_until(
            lambda: len(self.api.sent_texts(chat_id, mark)) >= expect, timeout
        )
        await asyncio.sleep(SETTLE_SECONDS)
        self.calls = self.api.calls[mark:]
        self.replies = [c for c in self.calls if c.method == "sendMessage" and c.chat_id == chat_id]
        return [timeless(str(c.params["text"])) for c in self.replies]

    def button(self, label: str) -> tuple[str, dict[str, Any]]:
        """(callback data, message) of the latest inline button whose label contains `label`."""
        sent = self.api.requests("sendMessage")
        for call in reversed([c for c in sent if c.chat_id == self.user.chat_id]):
            markup = call.params.get("reply_markup") or {}
            for row in markup.get("inline_keyboard", []):
                for button in row:
                    if label in button["text"]:
                        return button["callback_data"], call.result
        raise AssertionError(f"the bot never offered a {label!r} button")

    def answered_queries(self) -> list[str]:
        """callback_query_ids the last update's answerCallbackQuery calls answered."""
        return [
            str(c.params["callback_query_id"])
            for c in self.calls
            if c.method == "answerCallbackQuery"
        ]
