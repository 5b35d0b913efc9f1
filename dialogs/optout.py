"""Stop messaging me / 退订: opt out of proactive messages; "别给我家人打电话" / "don't call my
family": nobody else is to be contacted about the loan. The chat itself stays open."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.types import Message

from actions import slots
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
# Who else the borrower asks us not to contact: family, friends, their workplace. ("公司",
# "office" and "work" are left out: "别让你们公司打电话" is about the lender.)
THIRD_PARTIES = re.compile(
    r"家人|家里人?|亲戚|亲人|亲属|父母|爸妈|爸爸|妈妈|我[妈爸]|老婆|老公|媳妇|丈夫|妻子|孩子|儿子|女儿|"
    r"兄弟|姐妹|朋友|同事|单位|领导|老板|紧急联系人|联系人|通讯录|"
    r"\b(?:family|relatives?|parents?|mum|mom|dad|mother|father|wife|husband|partner|kids?|"
    r"children|son|daughter|brother|sister|friends?|colleagues?|co-?workers?|employer|boss|"
    r"workplace|emergency contacts?|contacts)\b",
    re.IGNORECASE,
)


async def opt_out(message: Message, convo: Conversation) -> None:
    others = THIRD_PARTIES.search(message.text or "") is not None
    await convo.act("action_opt_out", {slots.OPT_OUT_OF: "third_parties" if others else "messages"})


def build_router() -> Router:
    router = Router(name="optout")
    router.message.register(opt_out, IntentFilter("stop_contact"))
    router.message.register(
        opt_out, IntentFilter("request_callback"), Magic(F.text.regexp(NO_CALLS, mode="search"))
    )
    router.message.register(opt_out, SlashCommand("stop"))
    return router
