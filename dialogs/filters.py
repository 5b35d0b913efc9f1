"""Filters for the borrowers' routers, all checked on the event loop.

aiogram runs any plain callable it is given as a filter (a magic filter such as `F.text`, a
`State`) in a worker thread through `asyncio.to_thread`; the hop costs far more than the check
and the bot checks several per update. Flows therefore pass `Magic(F...)` and `StateFilter`,
which are awaited in place.

Every text passes the flows' command filters on its way to the flow it is for; `SlashCommand`
and `SlashCommandStart` turn away a text that does not start with a command's prefix before
aiogram parses it as a command (and raises and catches an exception to say it is not one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Bot
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandStart, Filter
from aiogram.types import CallbackQuery, Message, TelegramObject
from magic_filter import MagicFilter

from bot.conversation import Conversation

# aiogram's `Command` default prefix, which every command here uses.
COMMAND_PREFIX = "/"


class Magic(Filter):
    """A magic filter (`F.text`, `F.chat.id == 5`, `F.text.regexp(...)`) awaited in place."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

    def __str__(self) -> str:
        return f"Magic({self.magic!r})"


class Text(Filter):
    """A text message whose text `test` accepts (any text when there is no test); a dict the
    test returns is passed to the handler, as aiogram does with any filter's.

    `F.text.func(test)` checked directly: a text filter runs on nearly every message, and
    magic-filter's resolution costs twice the test."""

    def __init__(self, test: Callable[[str], object] | None = None) -> None:
        self.test = test

    async def __call__(self, message: Message) -> bool | dict[str, Any]:
        text = message.text
        if not text:
            return False
        if self.test is None:
            return True
        found = self.test(text)
        return found if isinstance(found, dict) else bool(found)

    def __str__(self) -> str:
        return f"Text({getattr(self.test, '__qualname__', self.test)})"


class SharedContact(Filter):
    """A message that shares a contact (the verification's phone number)."""

    async def __call__(self, message: Message) -> bool:
        return message.contact is not None


class PrivateChat(Filter):
    """A message, or a button pressed under one, in a private chat (a borrower's)."""

    async def __call__(self, event: Message | CallbackQuery) -> bool:
        chat = event.chat if isinstance(event, Message) else getattr(event.message, "chat", None)
        return chat is not None and chat.type == ChatType.PRIVATE


class IntentFilter(Filter):
    """Matches a text message whose intent is one of `intents`."""

    def __init__(self, *intents: str) -> None:
        self.intents = frozenset(intents)

    async def __call__(self, message: Message, convo: Conversation | None = None) -> bool:
        return convo is not None and convo.intent in self.intents

    def __str__(self) -> str:
        return f"IntentFilter({', '.join(sorted(self.intents))})"


def _may_be_command(message: Message, prefix: str) -> bool:
    """Whether the text (or caption) starts, after any spaces, with one of `prefix`."""
    if not isinstance(message, Message):
        return False
    first = (message.text or message.caption or "").lstrip()[:1]
    return bool(first) and first in prefix


class SlashCommand(Command):
    """aiogram's `Command`, parsed only for a text that starts with a command prefix."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        if not _may_be_command(message, self.prefix):
            return False
        return await super().__call__(message, bot)


class SlashCommandStart(SlashCommand, CommandStart):
    """aiogram's `CommandStart`, parsed only for a text that starts with a command prefix."""


class Answer(Filter):
    """A typed text that is not a command: what a flow's open question takes as its answer.

    A command (`/stop`, `/lang`, `/help`...) goes to its own handler whatever the flow is
    waiting for; the question stays open unless the command starts over (`/start`, `/logout`)."""

    async def __call__(self, message: Message) -> bool:
        return bool(message.text) and not _may_be_command(message, COMMAND_PREFIX)
