"""Filters that route by what the NLU understood."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message

from bot.conversation import Conversation


class IntentFilter(Filter):
    """Matches a text message whose intent is one of `intents`."""

    def __init__(self, *intents: str) -> None:
        self.intents = frozenset(intents)

    async def __call__(self, message: Message, convo: Conversation | None = None) -> bool:
        return convo is not None and convo.intent in self.intents

    def __str__(self) -> str:
        return f"IntentFilter({', '.join(sorted(self.intents))})"
