"""Stop messaging me / 退订: opt out of proactive messages; the chat itself stays open."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter, SlashCommand


async def opt_out(message: Message, convo: Conversation) -> None:
    await convo.act("action_opt_out")


def build_router() -> Router:
    router = Router(name="optout")
    router.message.register(opt_out, IntentFilter("stop_contact"))
    router.message.register(opt_out, SlashCommand("stop"))
    return router
