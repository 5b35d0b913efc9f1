"""Conversation flows: one aiogram Router per flow, collected in routing order."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType

from dialogs import (
    agreements,
    balance,
    callback,
    channels,
    fallback,
    handoff,
    hardship,
    language,
    optout,
    promise,
    relay,
    smalltalk,
    start,
    verify,
)
from dialogs.filters import Magic

# Order matters: a conversation with a person first (the bot stays out of it), then commands,
# escalations (they win over any flow), the active flow's state handlers; fallback last.
FLOWS = (
    relay,
    start,
    handoff,
    verify,
    language,
    agreements,
    hardship,
    promise,
    callback,
    balance,
    channels,
    optout,
    smalltalk,
    fallback,
)


def build_router() -> Router:
    """A fresh router tree for the borrowers' private chats (one per dispatcher)."""
    root = Router(name="borrower")
    root.message.filter(Magic(F.chat.type == ChatType.PRIVATE))
    root.callback_query.filter(Magic(F.message.chat.type == ChatType.PRIVATE))
    root.include_routers(*(flow.build_router() for flow in FLOWS))
    return root
