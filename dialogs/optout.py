"""Stop messaging me / 退订: opt out of proactive messages; the chat itself stays open."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.types import Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter, Magic, SlashCommand

# "以后不用打电话给我了", "no need to call me again": the classifier can read the call in them as
# a request for one; the wording says the opposite.
NO_CALLS = re.compile(
    r"(?:不用|不要|别|甭|无需|不必)(?:再)?(?:给我|跟我)?(?:打|来)(?:我的?)?电话|"
    r"(?:不用|不要|别)(?:再)?(?:给我)?回电|"
    r"\b(?:no need to|don'?t|do not|never|stop)\s+(?:ever\s+)?(?:call|phon|ring)(?:e|ing)?\s+me\b",
    re.IGNORECASE,
)


async def opt_out(message: Message, convo: Conversation) -> None:
    await convo.act("action_opt_out")


def build_router() -> Router:
    router = Router(name="optout")
    router.message.register(opt_out, IntentFilter("stop_contact"))
    router.message.register(
        opt_out, IntentFilter("request_callback"), Magic(F.text.regexp(NO_CALLS, mode="search"))
    )
    router.message.register(opt_out, SlashCommand("stop"))
    return router
