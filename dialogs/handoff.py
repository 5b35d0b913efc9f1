"""Handing the conversation to a person: on request, on disputes and sensitive situations,
after repeated misunderstanding, or for something outside the self-service policy."""

from __future__ import annotations

import re
from collections.abc import Callable

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import CallbackQuery, Message

from actions import slots
from actions.domain.tickets import Ticket
from bot.agents.desk import AgentDesk
from bot.conversation import Conversation
from dialogs import balance, contract, payment_status, payment_trouble, receipts, settlement
from dialogs.fallback import FALLBACKS_BEFORE_PERSON, misunderstood_in_a_row
from dialogs.filters import IntentFilter
from dialogs.grievance import GRIEVANCE
from dialogs.keyboards import MenuCallback
from dialogs.plan_parsing import answer_core, asks_deferral
from dialogs.promise_manage import CANCEL as CANCEL_PROMISE
from dialogs.promise_manage import CHANGE as CHANGE_PROMISE

ESCALATING = ("request_human", "dispute", "vulnerable", "complaint_legal")


async def hand_over(convo: Conversation, bot: Bot, reason: str | None = None) -> None:
    """Opens the ticket (the action decides priority and what to tell the borrower)."""
    data = await convo.state.get_data()
    result = await convo.act(
        "action_handoff",
        {
            slots.HANDOFF_REASON: reason,
            slots.HANDOFF_DETAIL: data.get("handoff_detail"),
            slots.OFFERED: data.get("offered") or [],
        },
    )
    await convo.state.set_state(None)
    await convo.state.update_data(fallbacks=0, handoff_reason=None, handoff_detail=None)
    changes = result.slot_changes() if result is not None else {}
    if not changes.get(slots.TICKET_CREATED):
        return
    ticket = Ticket.model_validate(changes[slots.TICKET])
    convo.services.metrics.count_handoff(ticket.reason.value, ticket.priority.value)
    await AgentDesk(bot, convo.services).open_topic(ticket)


# Nothing but figures: an amount, a count, a date or a time (once the words around an answer
# are set aside: "改成三千", "actually 4 please").
BARE_ANSWER = re.compile(
    r"^[\s\d.,:/\-年月日号點点半¥$￥元块塊万萬千百kK一二两三四五六七八九十期]+$"
)


# Wordings a flow serves itself that the classifier can read as an escalation, by the intent it
# reads them as: "I need to change my promise" as a request for a person, "I want to defer" as a
# vulnerable situation (its "I want to d…" is that of "I want to die"), "did you get my
# payment", "can I get a receipt", "提前还款" or "利息怎么算的" as a dispute. Any
# safety-lexicon signal in the message (an explicit ask for a person, a death, an illness, "I
# paid and it still shows overdue"), or a grievance ("…? this is ridiculous"), still escalates.
SELF_SERVICE: dict[str, tuple[Callable[[str], object], ...]] = {
    "request_human": (CANCEL_PROMISE.search, CHANGE_PROMISE.search),
    "vulnerable": (asks_deferral,),
    "dispute": (
        payment_status.ASKED.search,
        receipts.ASKED.search,
        settlement.ASKED.search,
        contract.asked,
        payment_trouble.asked,
        balance.STATUS.search,
    ),
}


async def escalation_said(
    message: Message, convo: Conversation, bot: Bot, raw_state: str | None = None
) -> None:
    """Hands over; but inside a flow that asked a question, bare figures are its answer, and
    a flow's own wording (`SELF_SERVICE`) is the flow's.

    The classifier can read "50" as a dispute; only the safety lexicon overrides an answer.
    """
    signals = convo.parse.signals if convo.parse else []
    text = message.text or ""
    if raw_state and not signals and BARE_ANSWER.match(answer_core(text)):
        raise SkipHandler
    wordings = SELF_SERVICE.get(convo.intent or "", ())
    if not signals and not GRIEVANCE.search(text) and any(wording(text) for wording in wordings):
        raise SkipHandler
    await hand_over(convo, bot)


async def person_pressed(callback: CallbackQuery, convo: Conversation, bot: Bot) -> None:
    """The "talk to a person" button: why it was offered decides the ticket's reason."""
    await callback.answer()
    data = await convo.state.get_data()
    if data.get("handoff_reason") == "out_of_policy":
        reason = "out_of_policy"
    elif misunderstood_in_a_row(data, convo.turn - 1) >= FALLBACKS_BEFORE_PERSON:
        reason = "nlu_fallback"
    else:
        reason = "request_human"
    await hand_over(convo, bot, reason)


def build_router() -> Router:
    router = Router(name="handoff")
    router.message.register(escalation_said, IntentFilter(*ESCALATING))
    router.callback_query.register(person_pressed, MenuCallback.filter(F.item == "human"))
    return router
