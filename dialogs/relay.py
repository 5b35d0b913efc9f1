"""While a person has the conversation, the bot stays out of it: the borrower's messages go
to the ticket's topic, and only a sign of self-harm makes the bot speak (crisis support)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message

from actions.domain.handoff_policy import Priority
from actions.handoff import SELF_HARM_SIGNAL
from bot.agents.desk import AgentDesk
from bot.conversation import Conversation


async def has_open_ticket(
    event: Message | CallbackQuery, convo: Conversation | None = None
) -> bool:
    return convo is not None and convo.ticket_id is not None


async def relay_to_agent(message: Message, convo: Conversation, bot: Bot) -> None:
    assert convo.ticket_id is not None
    tickets = convo.services.domain.tickets
    ticket = await tickets.get(convo.ticket_id)
    if ticket is None:
        return
    desk = AgentDesk(bot, convo.services)
    signals = convo.parse.signals if convo.parse else []
    if any(s.split(":")[0] == SELF_HARM_SIGNAL for s in signals):
        policy = convo.services.domain.handoff
        await convo.say("crisis_support", hotlines=policy.crisis.hotlines_for(None, convo.lang))
        due = convo.services.clock.now() + policy.sla(Priority.URGENT)
        ticket = await tickets.raise_priority(ticket.ticket_id, Priority.URGENT, due)
        await desk.notify_topic(
            ticket,
            convo.services.catalog.text(
                convo.services.settings.agents.agents_lang, "agent_priority_urgent"
            ),
        )
    await desk.to_topic(ticket, message)


async def button_while_with_agent(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer(convo.t("relay_with_agent"), show_alert=True)


def build_router() -> Router:
    router = Router(name="relay")
    router.message.register(relay_to_agent, has_open_ticket)
    router.callback_query.register(button_while_with_agent, has_open_ticket)
    return router
