"""Call me back ("打电话给我", "call me tomorrow after 3pm"): the next free slots, or those near
the time asked for; one tap books (or moves) the callback; it can be cancelled and rebooked."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, Message

from actions import plan_slots
from bot.action_client import ActionResult
from bot.conversation import Conversation
from dialogs.filters import Answer, IntentFilter, Text
from dialogs.keyboards import MenuCallback, main_menu
from dialogs.plan_common import (
    REPROMPT_INTENTS,
    borrower_zone,
    forget,
    new_token,
    note_agreed,
    run_action,
    says_no,
)
from dialogs.plan_keyboards import CallbackManage, SlotPick, slots_keyboard
from dialogs.plan_parsing import parse_date, parse_day_part, parse_delay, parse_time
from dialogs.resume import resumable
from dialogs.states import CallbackBooking
from dialogs.verify import begin_verification

TOKEN = "callback_token"
OFFERED = "callback_offered"
# Searched anywhere in a message ("请帮我取消回电"), but for "不用打电话了", which in a longer
# message ("以后不用打电话给我了") asks not to be called at all (an opt-out), not to cancel one.
CANCEL = re.compile(
    r"取消(?:预约)?(?:的)?(?:回电|电话)|^\s*不用(?:再)?(?:给我)?(?:打电话|回电)了?\s*[。.!！]*\s*$|"
    r"\bcancel (?:my |the )?(?:call|callback|call back|call-back)\b",
    re.IGNORECASE,
)


def _entity(convo: Conversation, name: str) -> Any:
    return convo.parse.entity(name) if convo.parse else None


async def asked_time(
    convo: Conversation, text: str | None, shown: int | None = None
) -> datetime | None:
    """The borrower-local moment they asked to be called around, if they named one. A part
    of the day ("下午", "in the morning") counts from its start; with no day named, it is
    the day of the slots shown (`shown`: one of them, as a timestamp), else the next time
    it comes. "In 2 hours" / "两个小时后" is that long from now."""
    tz = await borrower_zone(convo)
    now = convo.services.clock.now().astimezone(tz)
    shown_day = datetime.fromtimestamp(shown, tz).date() if shown is not None else None
    raw_day, raw_time = _entity(convo, "date"), _entity(convo, "time")
    try:
        day = date.fromisoformat(str(raw_day)) if raw_day else None
        at = time.fromisoformat(str(raw_time)) if raw_time else None
    except ValueError:
        day, at = None, None
    if day is None and text:
        day = parse_date(text, now.date())
    if at is None and text:
        at = parse_time(text) or parse_day_part(text)
    if day is None and at is None:
        delay = parse_delay(text) if text else None
        return (now + delay).replace(tzinfo=None) if delay else None
    if day is None and shown_day is not None and shown_day >= now.date():
        day = shown_day
    if day is None:
        assert at is not None
        day = now.date() if at > now.time().replace(tzinfo=None) else now.date() + timedelta(days=1)
    opening = convo.services.domain.policy.callbacks.open
    return datetime.combine(day, at or opening)


@resumable("callback")
async def offer(convo: Conversation, text: str | None = None) -> None:
    if not convo.verified:
        await begin_verification(convo, pending="callback")
        return
    await offer_near(convo, await asked_time(convo, text))


async def offer_near(convo: Conversation, near: datetime | None) -> None:
    """The free slots nearest `near` (the next ones when None)."""
    result = await run_action(
        convo,
        "action_callback_offer",
        {plan_slots.CALLBACK_NEAR: near.isoformat() if near else None},
    )
    if result is None:
        return
    await _show_slots(convo, result)


async def _show_slots(convo: Conversation, result: ActionResult) -> None:
    """The slots the action offered, as buttons tied to this offer's token."""
    changes = result.slot_changes()
    starts = [datetime.fromisoformat(s) for s in changes.get(plan_slots.CALLBACK_SLOTS) or []]
    upcoming = changes.get(plan_slots.CALLBACK_UPCOMING)
    token = new_token()
    await convo.state.set_state(CallbackBooking.choose if starts else None)
    await convo.state.update_data({TOKEN: token, OFFERED: [int(s.timestamp()) for s in starts]})
    tz = await borrower_zone(convo)
    markup = slots_keyboard(convo, token, starts, tz, upcoming=upcoming)
    await convo.send_responses(result.responses, markup=markup)


async def book(convo: Conversation, at: int) -> None:
    await forget(convo, (TOKEN, OFFERED))
    tz = await borrower_zone(convo)
    start = datetime.fromtimestamp(at, tz)
    result = await run_action(
        convo, "action_callback_book", {plan_slots.CALLBACK_START: start.isoformat()}
    )
    if result is None:
        return
    if booked := result.slot_changes().get(plan_slots.CALLBACK_ID):
        await convo.state.set_state(None)
        await note_agreed(convo, "callback", str(booked), at)
        await convo.send_responses(result.responses, markup=main_menu(convo))
    else:  # full meanwhile, or no longer possible: the nearest free slots instead
        await _show_slots(convo, result)


async def cancel(convo: Conversation, callback_id: str | None) -> None:
    if not convo.verified:
        await begin_verification(convo)
        return
    await forget(convo, (TOKEN, OFFERED))
    await convo.state.set_state(None)
    await convo.act(
        "action_callback_cancel", {plan_slots.CALLBACK_ID: callback_id}, markup=main_menu(convo)
    )


# -- handlers ------------------------------------------------------------------------------


async def callback_asked(message: Message, convo: Conversation) -> None:
    await offer(convo, message.text)


async def callback_pressed(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    await offer(convo)


async def cancel_asked(message: Message, convo: Conversation) -> None:
    await cancel(convo, None)


async def slot_pressed(
    callback: CallbackQuery, callback_data: SlotPick, convo: Conversation
) -> None:
    """Books only a slot of the current offer: an old or forged button changes nothing."""
    data = await convo.state.get_data()
    if data.get(TOKEN) != callback_data.token or callback_data.at not in (data.get(OFFERED) or []):
        await callback.answer(convo.t("button_expired"))
        return
    await callback.answer()
    await book(convo, callback_data.at)


async def manage_pressed(
    callback: CallbackQuery, callback_data: CallbackManage, convo: Conversation
) -> None:
    if callback_data.op not in {"cancel", "change"}:
        await callback.answer(convo.t("button_expired"))
        return
    await callback.answer()
    if callback_data.op == "cancel":
        await cancel(convo, callback_data.ref)
    else:
        await offer(convo)


async def time_typed(message: Message, convo: Conversation) -> None:
    """While choosing: "明天下午3点" / "tomorrow 3pm" shows the slots near that time, and
    "改到下午" / "afternoon?" those of the afternoon of the day shown; "no" books nothing."""
    text = message.text or ""
    shown = (await convo.state.get_data()).get(OFFERED) or [None]
    if (near := await asked_time(convo, text, shown[0])) is not None:
        await offer_near(convo, near)
    elif says_no(convo, text):
        await forget(convo, (TOKEN, OFFERED))
        await convo.state.set_state(None)
        await convo.say("callback_not_booked", markup=main_menu(convo))
    elif convo.intent in REPROMPT_INTENTS:
        await convo.say("callback_choose_again")
    else:
        raise SkipHandler


def build_router() -> Router:
    router = Router(name="callback")
    router.message.register(cancel_asked, Text(CANCEL.search))
    router.message.register(time_typed, StateFilter(CallbackBooking.choose), Answer())
    router.message.register(callback_asked, IntentFilter("request_callback"))
    router.callback_query.register(callback_pressed, MenuCallback.filter(F.item == "callback"))
    router.callback_query.register(slot_pressed, SlotPick.filter())
    router.callback_query.register(manage_pressed, CallbackManage.filter())
    return router
