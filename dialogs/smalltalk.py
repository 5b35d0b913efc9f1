"""Courtesies and the truth about the bot: hello, thanks, goodbye, "are you a bot?", and
"wait, let me think".

Greetings and the rest go by intent alone, so after every flow's open question: "morning?"
while call-back times are shown asks for morning times; it is no greeting. "Wait" comes
before any flow's question, which it leaves open."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.types import Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter, Text
from dialogs.keyboards import human_offer, main_menu
from dialogs.verify import begin_verification

# The whole message asks for a moment: "wait", "hmm, let me think", "等一下", "我想想".
HOLD_ON = re.compile(
    r"^\s*(?:(?:hmm+|umm*|uh+|ok(?:ay)?|so)[\s,.]*)?(?:wait(?: a (?:moment|sec(?:ond)?|minute))?|"
    r"hold on|hang on|one (?:moment|sec(?:ond)?)|just a (?:moment|sec(?:ond)?|minute)|"
    r"give me a (?:moment|sec(?:ond)?|minute)|let me think(?: about it)?|hmm+|"
    r"等一下|等等|稍等(?:一下)?|[我让讓]?我?想想|[我让讓]?我?考虑一下|等我想想)\s*[.!?。！？…~]*\s*$",
    re.IGNORECASE,
)


async def hold_on(message: Message, convo: Conversation) -> None:
    """Whatever question is open stays open, with its buttons."""
    await convo.say("take_your_time")


# Who is this? ("你们是哪个公司", "who are you"): the lender and what the bot can do.
WHO = re.compile(
    r"你是谁|你们是谁|(?:你们|这|这里)是(?:哪个|什么|哪家)(?:公司|机构|平台)|"
    r"\bwho (?:are|r) (?:you|u|ya)\b|\b(?:which|what) company (?:are|is) (?:you|this)\b|"
    r"\bwho is this\b",
    re.IGNORECASE,
)


async def who_we_are(convo: Conversation) -> None:
    await convo.say("who_we_are", lender=convo.lender, markup=main_menu(convo))


# How did you get my number? Why did you call me? ("你们怎么有我电话", "为什么给我打电话", "who
# gave you my number", "why did you call me"; "为什么不给我打电话" is no such question)
CONTACT_SOURCE = re.compile(
    r"怎么(?:会)?有我的?(?:电话|号码|手机号?|联系方式|微信|信息|资料)|"
    r"(?:为什么|为啥|干嘛|干吗)(?:老是|总是|一直|又|还)?(?:给我|找我)?(?:打(?:我的?)?电话|发(?:短信|消息))|"
    r"打我(?:的)?电话(?:干嘛|干吗|干什么|做什么|有什么事)|"
    r"(?:哪|哪里|哪儿)(?:来|弄|搞|拿)(?:到|来)?的?我的?(?:电话|号码|手机号?|联系方式|信息|资料)|"
    r"谁给(?:你们?|的)?(?:的)?我的?(?:电话|号码|手机号?)|"
    r"\b(?:how|where) (?:did|do) (?:you|u) (?:get|have|find|obtain) my "
    r"(?:number|phone|details|info\w*|contact\w*|data)\b|"
    r"\bwho gave (?:you|u) my (?:number|phone|details|info\w*|contact\w*)\b|"
    r"\bwhy (?:are|did|do|have) (?:you|u) (?:keep |been )?(?:call|phon|ring|text|messag)\w* me\b",
    re.IGNORECASE,
)


async def how_we_have_your_number(convo: Conversation) -> None:
    await convo.say("contact_source", lender=convo.lender, markup=human_offer(convo))


async def greet(message: Message, convo: Conversation) -> None:
    await convo.say("greet_back")
    if convo.verified:
        await convo.say("menu_prompt", markup=main_menu(convo))
    else:
        await begin_verification(convo)


async def is_bot(message: Message, convo: Conversation) -> None:
    await convo.say("is_bot", lender=convo.lender, markup=human_offer(convo))


async def thanks(message: Message, convo: Conversation) -> None:
    await convo.say("you_are_welcome")


async def goodbye(message: Message, convo: Conversation) -> None:
    await convo.say("goodbye")


async def yes_or_no_out_of_context(message: Message, convo: Conversation) -> None:
    await convo.say("menu_prompt", markup=main_menu(convo))


def build_router() -> Router:
    router = Router(name="smalltalk")
    router.message.register(hold_on, Text(HOLD_ON.match))
    router.message.register(greet, IntentFilter("greet"))
    router.message.register(is_bot, IntentFilter("ask_is_bot"))
    router.message.register(thanks, IntentFilter("thank"))
    router.message.register(goodbye, IntentFilter("goodbye"))
    router.message.register(yes_or_no_out_of_context, IntentFilter("affirm", "deny"))
    return router
