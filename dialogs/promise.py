"""Promise to pay ("周五还", "I'll pay 500 on the 15th") and partial payment now ("有多少先还多少"):
an amount and an exact date (and time if given), asked for when missing or outside the limits,
said back in the borrower's timezone, and recorded once the borrower confirms."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from actions import plan_slots
from bot.action_client import ActionResult
from bot.conversation import Conversation
from bot.nlu.base import ParseResult
from dialogs.filters import Answer, IntentFilter, Text
from dialogs.keyboards import hardship_offer, main_menu
from dialogs.plan_common import (
    CALL_ME,
    REPROMPT_INTENTS,
    borrower_today,
    committed_part,
    forget,
    new_token,
    note_agreed,
    note_handoff,
    run_action,
    says_no,
    says_yes,
    token_is_current,
)
from dialogs.plan_keyboards import (
    PromiseConfirm,
    PromiseDay,
    manage_promise_rows,
    person_rows,
    promise_confirm_keyboard,
    promise_days_keyboard,
)
from dialogs.plan_parsing import bare_figure, parse_amount, parse_date, parse_time
from dialogs.resume import resumable
from dialogs.states import Promise
from dialogs.verify import begin_verification

# A change to a recorded promise that ends without a new one: which one? / it cannot be.
ENDS = ("which", "nothing")
DRAFT = "promise_draft"
TOKEN = "promise_token"
PARTIAL = re.compile(
    r"有多少先还多少|先还一部分|先还一点|先还部分|部分还款|还一部分|"
    # some now, the rest later ("先还200，剩下的下个月还"): today's part is what can be noted
    r"先(?:还|付|转)[^，,。.;；]{1,8}[，,]?\s*(?:剩下|剩余|其余|余下|其他|后面)的?[^，,。]{0,10}[还付]|"
    r"\bpay (?:a )?part\b|\bpartial payment\b|\bpay what i can\b|\bpay some(?:thing)? now\b|"
    # "I can pay 300 now and the rest on the 15th"
    r"\b(?:pay|give|send|transfer) (?:you )?\S{1,10} (?:now|today|first)\b[^.?!]{0,10}"
    r"\b(?:the )?(?:rest|remainder|remaining|balance|others?)\b",
    re.IGNORECASE,
)
# Asking whether an amount will do ("能还50吗", "can I pay 50"): an offer to pay it, whatever the
# classifier made of it (it reads these as how to pay). Not a count of instalments or months.
OFFER = re.compile(
    r"(?:能|可以|能不能|可不可以)(?:先|只)?还(?:个)?\s*[0-9０-９]+(?![0-9０-９]*\s*(?:期|个月|次))|"
    r"\b(?:can|could|may) i (?:just |only )?(?:pay|give you|transfer) (?:you )?(?:¥|rmb ?|\$)?"
    r"\d[\d,.]*\b(?!\s*(?:instal|install|months?\b|times\b|payments\b))",
    re.IGNORECASE,
)
# A promise with no time to it ("有钱了就还", "I'll pay when I have money"): nothing to note
# yet, and no amount to ask for.
WHEN_ABLE = re.compile(
    r"(?:有钱|手头(?:宽裕|松)|缓过来|周转过来|发(?:了)?工资)了?(?:就|再|马上|立马|立刻)?(?:还|给)|"
    r"\b(?:when(?:ever)?|once|as soon as) i (?:have|get|got|find) (?:the |some )?"
    r"(?:money|cash|funds)\b|\b(?:when|once|as soon as) i get paid\b",
    re.IGNORECASE,
)
# The whole overdue amount, named rather than written out.
FULL = re.compile(
    r"全部|全额|全款|还清|還清|结清|結清|"
    r"\b(?:the )?full (?:amount|balance|sum)\b|\bin full\b|"
    r"\bthe (?:whole|entire) (?:amount|balance|sum|lot)\b|"
    r"\b(?:pay|clear|settle) (?:it all|everything|all of it|it off|off)\b",
    re.IGNORECASE,
)
# Readings under which an open question trusts the NLU's entities as its answer; and words
# that say a reply changes what was said ("改成300", "make it Monday"), whatever the reading.
PROMISE_READINGS = REPROMPT_INTENTS | {"promise_to_pay"}
CHANGE = re.compile(
    r"改成|改为|改到|换成|换到|\bmake it\b|\bchange (?:it )?to\b|\binstead\b|\bactually\b",
    re.IGNORECASE,
)


def _slots(draft: dict[str, Any]) -> dict[str, Any]:
    return {
        plan_slots.PROMISE_KIND: draft.get("kind", "promise"),
        plan_slots.PROMISE_AMOUNT: draft.get("amount"),
        plan_slots.PROMISE_DATE: draft.get("date"),
        plan_slots.PROMISE_TIME: draft.get("time"),
        plan_slots.PROMISE_REF: draft.get("replaces"),  # a change to a recorded promise
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
    draft: dict[str, Any] = {"kind": kind}
    draft.update(await read_terms(convo, text, kind))
    await check(convo, draft)


async def read_terms(
    convo: Conversation,
    text: str | None,
    kind: str,
    asked: str | None = None,
    reading: ParseResult | None = None,
) -> dict[str, str]:
    """The amount, date and time a message commits to: the amount from the NLU's entities,
    then the text; the date and time from the text (the borrower's today), then the NLU's
    entities. `asked`: what the flow's open question is ("amount", "date",
    "confirm"), None when the message starts the promise. A bare figure ("500") is an
    amount, but not when a date was asked ("15" is then a day the flow cannot read, not
    ¥15). What a message says the borrower cannot pay ("周五还不上") names nothing. A part
    payment is made today, so only its amount is read. `reading`: the NLU's reading of
    `text` when it is not the message's (by default `convo.parse`)."""
    said = committed_part(text or "")
    parse = reading or convo.parse
    if said != (text or ""):
        parse = None  # its entities were read from the whole text
    elif asked and convo.intent not in PROMISE_READINGS and not CHANGE.search(said):
        parse = None  # its entities may be another request's
    bare = asked != "date"
    named: dict[str, str] = {}
    # The NLU's amounts first: they read "1千", "五百" and "3k" whole.
    amount = parse.entity("amount") if parse and (bare or parse_amount(said) is None) else None
    if amount is None:
        amount = parse_amount(said, bare=bare)
    if amount is not None:
        named["amount"] = f"{Decimal(str(amount)):.2f}"  # as the check says it back
    elif FULL.search(said):
        named["amount"] = plan_slots.FULL_AMOUNT
    if kind != "promise":
        return named
    day = parse_date(said, await borrower_today(convo)) if said else None
    on = day.isoformat() if day else (parse.entity("date") if parse else None)
    if on is not None:
        named["date"] = str(on)
    clock = parse_time(said)
    at = clock.strftime("%H:%M") if clock else (parse.entity("time") if parse else None)
    if at is not None:
        named["time"] = str(at)
    return named


async def start_partial(convo: Conversation, text: str | None = None) -> None:
    await start_promise(convo, text, kind="partial")


async def check(convo: Conversation, draft: dict[str, Any]) -> None:
    """Asks for what is missing or outside the limits; else says it back to confirm. A change
    to a recorded promise may instead end here: which one is meant, or why it cannot be."""
    result = await run_action(convo, "action_promise_check", _slots(draft))
    if result is None:
        return
    changes = result.slot_changes()
    if changes.get(plan_slots.PROMISE_AMOUNT):  # "the full amount" as the figure said back
        draft["amount"] = changes[plan_slots.PROMISE_AMOUNT]
    if changes.get(plan_slots.PROMISE_REF):  # the recorded promise the change is to
        draft["replaces"] = changes[plan_slots.PROMISE_REF]
    for key, slot in (("date", plan_slots.PROMISE_DATE), ("time", plan_slots.PROMISE_TIME)):
        if changes.get(slot):  # kept from the promise a change of amount is to
            draft[key] = changes[slot]
    needs: list[str] = list(changes.get(plan_slots.PROMISE_NEEDS) or [])
    if needs and needs[0] in ENDS:
        await end(convo, result, "change")
        return
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
    changes = result.slot_changes()
    if changes.get(plan_slots.PROMISE_ID):
        await note_agreed(convo, "promise", str(changes[plan_slots.PROMISE_ID]))
        await convo.send_responses(result.responses, markup=main_menu(convo))
    elif (changes.get(plan_slots.PROMISE_NEEDS) or [None])[0] in ENDS:
        await end(convo, result, "change")  # the promise it changes was closed meanwhile
    else:  # the limits moved meanwhile (e.g. the date passed): ask again
        await check(convo, draft)


async def end(convo: Conversation, result: ActionResult, op: str) -> None:
    """A change or cancel of a recorded promise that ends without one: the open promises to
    pick from (buttons to `op` each), or a person when a limit was reached, else the menu."""
    await forget(convo, (DRAFT, TOKEN))
    await convo.state.set_state(None)
    changes = result.slot_changes()
    rows = manage_promise_rows(convo, list(changes.get(plan_slots.PROMISE_OPEN) or []), (op,))
    if await note_handoff(convo, result):
        rows += person_rows(convo)
    markup = InlineKeyboardMarkup(inline_keyboard=rows) if rows else main_menu(convo)
    await convo.send_responses(result.responses, markup=markup)


async def change(convo: Conversation) -> None:
    await forget(convo, (DRAFT, TOKEN))
    await convo.state.set_state(None)
    await convo.say("promise_not_recorded", markup=main_menu(convo))


# -- handlers ------------------------------------------------------------------------------


async def promise_asked(message: Message, convo: Conversation) -> None:
    """A promise, unless the message is only a figure below the smallest part payment: with no
    question open, "3" is more likely a menu choice or a count than ¥3.00 (not understood)."""
    figure = bare_figure(message.text)
    if figure is not None and figure < convo.services.domain.policy.partial_payment.min_amount:
        raise SkipHandler
    await start_promise(convo, message.text)


async def when_able(message: Message, convo: Conversation) -> None:
    await answer_when_able(convo, message.text)


@resumable("promise_when_able")
async def answer_when_able(convo: Conversation, text: str | None = None) -> None:
    """ "有钱了就还": thanked, asked for a day it can be noted for, and shown the plans. With a
    date or an amount in it ("发工资了就还500") it is a promise like any other."""
    text = text if text is not None else convo.text
    if not convo.verified:
        await begin_verification(convo, pending="promise_when_able")
        return
    if await read_terms(convo, text, "promise"):
        await start_promise(convo, text)
        return
    await convo.say("promise_when_able", markup=hardship_offer(convo))


async def amount_offered(message: Message, convo: Conversation) -> None:
    """ "能还50吗", "can I pay 50": a promise of that amount, its date asked."""
    await start_promise(convo, message.text)


async def partial_asked(message: Message, convo: Conversation) -> None:
    await start_partial(convo, message.text)


async def answer_typed(message: Message, convo: Conversation, raw_state: str | None) -> None:
    """The answer to the amount or the date question. It may name more than was asked
    ("300 on Friday"), or take the promise back ("算了", "no")."""
    text = message.text or ""
    draft = await _draft(convo)
    asked = "amount" if raw_state == Promise.amount.state else "date"
    named = await read_terms(convo, text, draft.get("kind", "promise"), asked)
    if named:
        await check(convo, draft | named)
    elif says_no(convo, text):
        await change(convo)
    elif convo.intent in PROMISE_READINGS:
        await convo.say(f"promise_{asked}_format")
    else:
        raise SkipHandler


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
    """Yes or no to the promise said back; or a change to it ("改成下周二", "make it 300"),
    which is said back again. A time with a call back asked for is the call's."""
    text = message.text or ""
    draft = await _draft(convo)
    named: dict[str, str] = {}
    if convo.intent != "request_callback" or not CALL_ME.search(text):
        named = await read_terms(convo, text, draft.get("kind", "promise"), "confirm")
    if any(draft.get(key) != value for key, value in named.items()):
        await check(convo, draft | named)
    elif says_yes(convo, text):
        await record(convo)
    elif says_no(convo, text):
        await change(convo)
    elif convo.intent in PROMISE_READINGS:  # unclear, or the same promise said again
        token = str((await convo.state.get_data()).get(TOKEN) or "")
        await convo.say("promise_confirm_ask", markup=promise_confirm_keyboard(convo, token))
    else:
        raise SkipHandler


def build_router() -> Router:
    router = Router(name="promise")
    router.message.register(answer_typed, StateFilter(Promise.amount, Promise.date), Answer())
    router.message.register(confirm_typed, StateFilter(Promise.confirm), Answer())
    router.message.register(partial_asked, Text(PARTIAL.search))
    router.message.register(amount_offered, Text(OFFER.search))
    router.message.register(when_able, Text(WHEN_ABLE.search))
    router.message.register(promise_asked, IntentFilter("promise_to_pay"))
    router.callback_query.register(day_pressed, PromiseDay.filter())
    router.callback_query.register(confirm_pressed, PromiseConfirm.filter())
    return router


@resumable("promise")
async def resume_promise(convo: Conversation) -> None:
    """After verification: the promise as first written (`resume` parsed it again)."""
    await start_promise(convo, convo.text)
