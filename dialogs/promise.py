"""Promise to pay ("周五还", "I'll pay 500 on the 15th") and partial payment now ("有多少先还多少"):
an amount and an exact date (and time if given), asked for when missing or outside the limits,
said back in the borrower's timezone, and recorded once the borrower confirms."""

from __future__ import annotations

import re
from typing import Any

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from actions import plan_slots
from bot.conversation import Conversation
from dialogs.filters import Answer, IntentFilter, Magic
from dialogs.keyboards import main_menu
from dialogs.plan_common import (
    REPROMPT_INTENTS,
    borrower_today,
    forget,
    new_token,
    note_handoff,
    run_action,
    says_no,
    says_yes,
    token_is_current,
)
from dialogs.plan_keyboards import (
    PromiseConfirm,
    PromiseDay,
    person_rows,
    promise_confirm_keyboard,
    promise_days_keyboard,
)
from dialogs.plan_parsing import parse_amount, parse_date, parse_time
from dialogs.resume import resumable
from dialogs.states import Promise
from dialogs.verify import begin_verification

DRAFT = "promise_draft"
TOKEN = "promise_token"
PARTIAL = re.compile(
    r"有多少先还多少|先还一部分|先还一点|先还部分|部分还款|还一部分|"
    r"\bpay (?:a )?part\b|\bpartial payment\b|\bpay what i can\b|\bpay some(?:thing)? now\b",
    re.IGNORECASE,
)


def _slots(draft: dict[str, Any]) -> dict[str, Any]:
    return {
        plan_slots.PROMISE_KIND: draft.get("kind", "promise"),
        plan_slots.PROMISE_AMOUNT: draft.get("amount"),
        plan_slots.PROMISE_DATE: draft.get("date"),
        plan_slots.PROMISE_TIME: draft.get("time"),
    }


async def _draft(convo: Conversation) -> dict[str, Any]:
    return dict((await convo.state.get_data()).get(DRAFT) or {"kind": "promise"})


async def start_promise(
    convo: Conversation, text: str | None = None, kind: str = "promise"
) -> None:
    if not convo.verified:
        await begin_verification(convo, pending="promise")
        return
    await forget(convo, (DRAFT, TOKEN))
    parse = convo.parse
    draft: dict[str, Any] = {"kind": kind}
    amount = parse.entity("amount") if parse else None
    if amount is None and text:
        amount = parse_amount(text, bare=False)
    if amount is not None:
        draft["amount"] = str(amount)
    if kind == "promise":
        day = parse.entity("date") if parse else None
        if day is None and text:
            found = parse_date(text, await borrower_today(convo))
            day = found.isoformat() if found else None
        if day is not None:
            draft["date"] = str(day)
        at = parse.entity("time") if parse else None
        if at is None and text:
            found_time = parse_time(text)
            at = found_time.strftime("%H:%M") if found_time else None
        if at is not None:
            draft["time"] = str(at)
    await check(convo, draft)


async def start_partial(convo: Conversation, text: str | None = None) -> None:
    await start_promise(convo, text, kind="partial")


async def check(convo: Conversation, draft: dict[str, Any]) -> None:
    """Asks for what is missing or outside the limits; else says it back to confirm."""
    result = await run_action(convo, "action_promise_check", _slots(draft))
    if result is None:
        return
    changes = result.slot_changes()
    needs: list[str] = list(changes.get(plan_slots.PROMISE_NEEDS) or [])
    for need in needs:
        draft.pop(need, None)
        if need == "date":
            draft.pop("time", None)
    handoff = await note_handoff(convo, result)
    token = new_token()
    await convo.state.update_data({DRAFT: draft, TOKEN: token})
    if needs and needs[0] == "amount":
        await convo.state.set_state(Promise.amount)
        markup = InlineKeyboardMarkup(inline_keyboard=person_rows(convo)) if handoff else None
        await convo.send_responses(result.responses, markup=markup)
    elif needs:
        await convo.state.set_state(Promise.date)
        days = list(changes.get(plan_slots.PROMISE_DAYS) or [])
        markup = promise_days_keyboard(convo, token, days, person=handoff)
        await convo.send_responses(result.responses, markup=markup)
    else:
        await convo.state.set_state(Promise.confirm)
        await convo.send_responses(result.responses, markup=promise_confirm_keyboard(convo, token))


async def record(convo: Conversation) -> None:
    """Records the draft the borrower confirmed; taken out of FSM data first, so never twice."""
    draft = await _draft(convo)
    await forget(convo, (DRAFT, TOKEN))
    await convo.state.set_state(None)
    result = await run_action(convo, "action_promise_record", _slots(draft))
    if result is None:
        return
    if result.slot_changes().get(plan_slots.PROMISE_ID):
        await convo.send_responses(result.responses, markup=main_menu(convo))
    else:  # the limits moved meanwhile (e.g. the date passed): ask again
        await check(convo, draft)


async def change(convo: Conversation) -> None:
    await forget(convo, (DRAFT, TOKEN))
    await convo.state.set_state(None)
    await convo.say("promise_not_recorded", markup=main_menu(convo))


# -- handlers ------------------------------------------------------------------------------


async def promise_asked(message: Message, convo: Conversation) -> None:
    await start_promise(convo, message.text)


async def partial_asked(message: Message, convo: Conversation) -> None:
    await start_partial(convo, message.text)


async def amount_typed(message: Message, convo: Conversation) -> None:
    amount = parse_amount(message.text or "")
    if amount is None:
        if convo.intent not in REPROMPT_INTENTS | {"promise_to_pay"}:
            raise SkipHandler
        await convo.say("promise_amount_format")
        return
    draft = await _draft(convo)
    draft["amount"] = str(amount)
    await check(convo, draft)


async def date_typed(message: Message, convo: Conversation) -> None:
    text = message.text or ""
    day = parse_date(text, await borrower_today(convo))
    if day is None:
        if convo.intent not in REPROMPT_INTENTS | {"promise_to_pay"}:
            raise SkipHandler
        await convo.say("promise_date_format")
        return
    draft = await _draft(convo)
    draft["date"] = day.isoformat()
    at = parse_time(text)
    if at is not None:
        draft["time"] = at.strftime("%H:%M")
    await check(convo, draft)


async def day_pressed(
    callback: CallbackQuery, callback_data: PromiseDay, convo: Conversation
) -> None:
    if not await token_is_current(callback, convo, DRAFT, TOKEN, callback_data.token):
        return
    draft = await _draft(convo)
    draft["date"] = callback_data.day
    await check(convo, draft)


async def confirm_pressed(
    callback: CallbackQuery, callback_data: PromiseConfirm, convo: Conversation
) -> None:
    if not await token_is_current(callback, convo, DRAFT, TOKEN, callback_data.token):
        return
    if callback_data.yes:
        await record(convo)
    else:
        await change(convo)


async def confirm_typed(message: Message, convo: Conversation) -> None:
    text = message.text or ""
    if says_yes(convo, text):
        await record(convo)
    elif says_no(convo, text):
        await change(convo)
    elif convo.intent in REPROMPT_INTENTS:
        data = await convo.state.get_data()
        token = str(data.get(TOKEN) or "")
        await convo.say("promise_confirm_ask", markup=promise_confirm_keyboard(convo, token))
    else:
        raise SkipHandler


def build_router() -> Router:
    router = Router(name="promise")
    router.message.register(amount_typed, StateFilter(Promise.amount), Answer())
    router.message.register(date_typed, StateFilter(Promise.date), Answer())
    router.message.register(confirm_typed, StateFilter(Promise.confirm), Answer())
    router.message.register(partial_asked, Magic(F.text.regexp(PARTIAL)))
    router.message.register(promise_asked, IntentFilter("promise_to_pay"))
    router.callback_query.register(day_pressed, PromiseDay.filter())
    router.callback_query.register(confirm_pressed, PromiseConfirm.filter())
    return router


@resumable("promise")
async def resume_promise(convo: Conversation) -> None:
    """After verification: the promise as first written (`resume` parsed it again)."""
    await start_promise(convo, convo.parse.text if convo.parse else None)
