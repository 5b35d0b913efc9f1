"""Hardship: can I pay in instalments, or later? Options that fit, an exact quote, and an
explicit yes before the plan is recorded. Outside the limits: why, and a callback or a person."""

from __future__ import annotations

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
    cannot_pay,
    forget,
    new_token,
    note_handoff,
    run_action,
    says_no,
    says_yes,
    token_is_current,
)
from dialogs.plan_keyboards import PlanConfirm, PlanPick, options_keyboard, plan_confirm_keyboard
from dialogs.plan_parsing import (
    asks_for_a_plan,
    asks_for_a_waiver,
    parse_deferral_days,
    parse_installments,
)
from dialogs.promise import PARTIAL, start_partial
from dialogs.resume import resumable
from dialogs.states import Hardship
from dialogs.verify import begin_verification

QUOTE = "hardship_quote"
TOKEN = "hardship_token"
Choice = tuple[str, int]


def requested_choice(convo: Conversation, text: str | None, *, bare: bool = False) -> Choice | None:
    """("installments", n) or ("deferral", days) from the NLU's entities or the text."""
    count = convo.parse.entity("installments") if convo.parse else None
    if count is None and text:
        count = parse_installments(text, bare=bare)
    if count is not None:
        return "installments", int(count)
    days = parse_deferral_days(text) if text else None
    return ("deferral", days) if days is not None else None


@resumable("hardship")
async def start_hardship(convo: Conversation, text: str | None = None) -> None:
    if not convo.verified:
        await begin_verification(convo, pending="hardship")
        return
    said = text if text is not None else convo.text
    waiver = said is not None and asks_for_a_waiver(said)  # also when resumed after verifying
    if waiver:  # said first: the plans below are what can be arranged here
        await convo.say("plan_waiver_asked")
    choice = requested_choice(convo, text)
    if choice is not None:
        await quote(convo, *choice)
    else:
        await show_options(convo, person=waiver)


async def show_options(convo: Conversation, *, person: bool = False) -> None:
    """The plan options; `person`: with a call back and a person offered under them."""
    await forget(convo, (QUOTE, TOKEN))
    result = await run_action(convo, "action_hardship_options")
    if result is None:
        return
    await _answer_with_options(convo, result, person=person)


async def _answer_with_options(
    convo: Conversation, result: ActionResult, *, person: bool = False
) -> None:
    """Options buttons when the borrower may choose; a callback or a person when outside."""
    handoff = await note_handoff(convo, result)
    options: dict[str, Any] | None = result.slot_changes().get(plan_slots.PLAN_OPTIONS)
    if options:
        await convo.state.set_state(Hardship.choose)
    else:
        await convo.state.set_state(None)
    markup = options_keyboard(convo, options, person=handoff or person)
    await convo.send_responses(result.responses, markup=markup)


async def quote(convo: Conversation, kind: str, value: int) -> None:
    """An exact quote to confirm (kept in FSM data with a token), or why not."""
    await forget(convo, (QUOTE, TOKEN))
    key = plan_slots.PLAN_INSTALLMENTS if kind == "installments" else plan_slots.PLAN_DEFER_DAYS
    result = await run_action(
        convo, "action_hardship_quote", {plan_slots.PLAN_KIND: kind, key: value}
    )
    if result is None:
        return
    await _answer_quote(convo, result)


async def _answer_quote(convo: Conversation, result: ActionResult) -> None:
    shown = result.slot_changes().get(plan_slots.PLAN_QUOTE)
    if not shown:
        await _answer_with_options(convo, result)
        return
    token = new_token()
    await convo.state.set_state(Hardship.confirm)
    await convo.state.update_data({QUOTE: shown, TOKEN: token})
    await convo.send_responses(result.responses, markup=plan_confirm_keyboard(convo, token))


async def accept(convo: Conversation) -> None:
    """Records exactly the quote shown; it is taken out of FSM data first, so never twice."""
    data = await convo.state.get_data()
    shown = data.get(QUOTE)
    await forget(convo, (QUOTE, TOKEN))
    await convo.state.set_state(None)
    result = await run_action(convo, "action_hardship_accept", {plan_slots.PLAN_QUOTE: shown})
    if result is None:
        return
    changes = result.slot_changes()
    if changes.get(plan_slots.PLAN_ID):
        await convo.send_responses(result.responses, markup=main_menu(convo))
    elif changes.get(plan_slots.PLAN_QUOTE):  # the figures changed: confirm the new quote
        await _answer_quote(convo, result)
    else:
        await _answer_with_options(convo, result)


async def decline(convo: Conversation) -> None:
    await forget(convo, (QUOTE, TOKEN))
    await convo.say("plan_declined")
    await show_options(convo)


# -- handlers ------------------------------------------------------------------------------


async def hardship_asked(message: Message, convo: Conversation) -> None:
    await start_hardship(convo, message.text)


async def hardship_pressed(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    await start_hardship(convo)


async def option_pressed(
    callback: CallbackQuery, callback_data: PlanPick, convo: Conversation
) -> None:
    """An option button: harmless to press again (it only quotes), so it carries no token."""
    if callback_data.kind not in {"n", "d", "part"}:
        await callback.answer(convo.t("button_expired"))
        return
    await callback.answer()
    if not convo.verified:
        await begin_verification(convo, pending="hardship")
    elif callback_data.kind == "part":
        await start_partial(convo)
    else:
        kind = "installments" if callback_data.kind == "n" else "deferral"
        await quote(convo, kind, callback_data.value)


async def choice_typed(message: Message, convo: Conversation) -> None:
    """In the options: "4", "分4期", "defer 2 weeks", "有多少先还多少"..."""
    if PARTIAL.search(message.text or ""):
        await start_partial(convo, message.text)
        return
    choice = requested_choice(convo, message.text, bare=True)
    if choice is not None:
        await quote(convo, *choice)
        return
    if convo.intent not in REPROMPT_INTENTS | {"hardship_plan"}:
        raise SkipHandler
    await show_options(convo)


async def confirm_pressed(
    callback: CallbackQuery, callback_data: PlanConfirm, convo: Conversation
) -> None:
    if not await token_is_current(callback, convo, QUOTE, TOKEN, callback_data.token):
        return
    if callback_data.yes:
        await accept(convo)
    else:
        await decline(convo)


async def confirm_typed(message: Message, convo: Conversation) -> None:
    """In the confirmation: yes / no, or another option instead."""
    text = message.text or ""
    data = await convo.state.get_data()
    choice = requested_choice(convo, text, bare=True)
    if choice is not None:  # "no, 4 instalments instead" is a new choice, not a yes or a no
        await quote(convo, *choice)
        return
    if data.get(QUOTE) and says_yes(convo, text):
        await accept(convo)
        return
    if says_no(convo, text):
        await decline(convo)
        return
    if convo.intent not in REPROMPT_INTENTS:
        raise SkipHandler
    token = data.get(TOKEN)
    markup = plan_confirm_keyboard(convo, str(token)) if data.get(QUOTE) and token else None
    await convo.say("plan_confirm_ask", markup=markup)


def build_router() -> Router:
    router = Router(name="hardship")
    router.message.register(choice_typed, StateFilter(Hardship.choose), Answer())
    router.message.register(confirm_typed, StateFilter(Hardship.confirm), Answer())
    router.message.register(hardship_asked, IntentFilter("hardship_plan"))
    # "周五还不上" / "I can't pay this week" is no promise, whatever the NLU made of it.
    router.message.register(
        hardship_asked,
        IntentFilter("promise_to_pay", "nlu_fallback", "out_of_scope"),
        Text(cannot_pay),
    )
    # "分4期" / "6 instalments" / "I want to defer" asks for a plan whatever the NLU made of it.
    router.message.register(hardship_asked, Text(asks_for_a_plan))
    router.callback_query.register(hardship_pressed, MenuCallback.filter(F.item == "hardship"))
    router.callback_query.register(option_pressed, PlanPick.filter())
    router.callback_query.register(confirm_pressed, PlanConfirm.filter())
    return router
