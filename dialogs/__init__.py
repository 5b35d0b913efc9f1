"""Conversation flows: one aiogram Router per flow, collected in routing order."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType

from dialogs import balance, channels, fallback, language, optout, smalltalk, start, verify

# Order matters: commands and the active flow's state handlers first, fallback last.
FLOWS = (start, verify, language, balance, channels, optout, smalltalk, fallback)


def build_router() -> Router:
    """A fresh router tree for the borrowers' private chats (one per dispatcher)."""
    root = Router(name="borrower")
    root.message.filter(F.chat.type == ChatType.PRIVATE)
    root.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    root.include_routers(*(flow.build_router() for flow in FLOWS))
    return root
