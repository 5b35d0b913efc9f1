"""A change said just after an agreement, without naming it ("能不能改到下周一", "can we make it
Monday", "push it back a week"): it is to the promise or the call just agreed, not a new
request (the classifier reads most such messages as a hardship plan)."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import Message

from bot.conversation import Conversation
from dialogs import callback, promise_manage
from dialogs.filters import Text
from dialogs.plan_common import LAST_AGREED

# How many turns after the agreement a change to "it" still means that agreement.
RECENT_TURNS = 4

# Asking for more time on it, in Chinese ("能不能推迟几天").
_MORE_TIME = r"推迟|延后|推后|往后推|顺延|往后挪"
FOLLOW_UP = re.compile(
    r"(?:改|挪|推|延|定)(?:到|成|为|在)|换(?:到|成)(?=\S{0,3}[\d一二三四五六七八九十两周星礼月号日天])|"
    rf"{_MORE_TIME}|"
    r"(?:日期|时间|日子|金额|钱数)\S{0,4}(?:改|换)|改(?:一下|个)?(?:日期|时间|日子|金额)|"
    r"\b(?:move|change|push|switch|shift|put|reschedule|postpone|bump)\s+(?:it|that|this)\b|"
    r"(?<!n't )(?<!not )\bmake (?:it|that)\b|"
    r"\bcan (?:we|i|you) (?:say|do)\s+(?:(?:next|this)\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"\b(?P<instead>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|tomorrow|\d+\S*)\s+instead\b",
    re.IGNORECASE,
)
# A change that names nothing new counts only when it asks for more time.
POSTPONE = re.compile(
    rf"{_MORE_TIME}|"
    r"\b(?:push|put) (?:it|that|this) (?:back|off)\b|\bpostpone\b|\b(?:a )?(?:few )?days later\b",
    re.IGNORECASE,
)
TERMS = ("date", "time", "amount")


def terms(text: str) -> str:
    """What the agreement is to become: up to "instead" ("250 instead"), else after the last
    "改到" / "to", else after the change's own words, else before them."""
    asked = FOLLOW_UP.search(text)
    if asked is None:
        return text
    if asked.group("instead"):
        return text[: asked.end("instead")].strip()
    found = list(promise_manage.NEW_TERMS.finditer(text, asked.start()))
    if found:
        return text[found[-1].end() :].strip()
    return text[asked.end() :].strip() or text[: asked.start()].strip()


async def changed(message: Message, convo: Conversation, raw_state: str | None) -> None:
    """With no question open and an agreement made in the last few turns, the change is to
    it: a promise is said back with its new terms, a call shows the slots near the new time."""
    text = message.text or ""
    if raw_state is not None or not convo.verified or promise_manage.CANCEL_OR_CHANGE.search(text):
        raise SkipHandler  # a question's answer, or a change that names its promise
    agreed = (await convo.state.get_data()).get(LAST_AGREED)
    if not isinstance(agreed, dict) or convo.turn - int(agreed.get("turn", 0)) > RECENT_TURNS:
        raise SkipHandler
    named = convo.parse is not None and any(convo.parse.entity(n) is not None for n in TERMS)
    if not named and not POSTPONE.search(text):
        raise SkipHandler
    if agreed.get("kind") == "promise":
        await promise_manage.start_change(convo, None, str(agreed["ref"]), terms=terms(text))
    else:
        booked = agreed.get("at")  # a time alone is on the day of the call booked
        shown = booked if isinstance(booked, int) else None
        await callback.offer_near(convo, await callback.asked_time(convo, text, shown))


def build_router() -> Router:
    router = Router(name="follow_up")
    router.message.register(changed, Text(FOLLOW_UP.search))
    return router
