"""The agents' forum group: claim, resolve, return tickets; relay the assignee's messages."""

from __future__ import annotations

import re

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from actions.domain.tickets import Ticket, TicketError
from bot.agents.card import APPROVABLE_PLANS, TicketCallback, outcome_keyboard, plan_keyboard
from bot.agents.desk import AgentDesk
from bot.agents.operations import Agent, AgentOperations
from bot.services import BotServices
from dialogs.filters import Magic

_APPROVE = re.compile(r"^/approve(?:@\w+)?\s+(?:(\d{1,2})|defer\s+(\d{1,3}))\s*$", re.IGNORECASE)
_NOTE = re.compile(r"^/note(?:@\w+)?\s+(.+)$", re.IGNORECASE | re.DOTALL)


def _agent(user_id: int, first_name: str) -> Agent:
    return Agent(agent_id=user_id, name=first_name)


def _operations(bot: Bot, services: BotServices) -> AgentOperations:
    async def deliver(chat_id: int, text: str) -> None:
        await bot.send_message(chat_id, text)

    return AgentOperations(services, deliver)


def _t(services: BotServices, key: str, **variables: object) -> str:
    return services.catalog.text(services.settings.agents.agents_lang, key, **variables)


async def ticket_button(
    callback: CallbackQuery, callback_data: TicketCallback, bot: Bot, services: BotServices
) -> None:
    desk = AgentDesk(bot, services)
    if not await desk.is_agent(callback.from_user.id):
        await callback.answer(_t(services, "agent_not_allowed"), show_alert=True)
        return
    ops = _operations(bot, services)
    agent = _agent(callback.from_user.id, callback.from_user.first_name)
    ticket_id = callback_data.ticket_id
    try:
        if callback_data.action == "claim":
            ticket = await ops.claim(ticket_id, agent)
            await callback.answer(_t(services, "agent_claimed", name=agent.name))
            await desk.notify_topic(ticket, _t(services, "agent_claimed", name=agent.name))
        elif callback_data.action == "resolve":
            ticket = await ops.ticket(ticket_id)
            _require_assignee(ticket, agent)
            await callback.answer()
            if callback.message is not None:
                await bot.send_message(
                    callback.message.chat.id,
                    _t(services, "agent_choose_outcome"),
                    message_thread_id=ticket.topic_id,
                    reply_markup=outcome_keyboard(services, ticket),
                )
        elif callback_data.action == "outcome":
            ticket = await ops.resolve(ticket_id, agent, callback_data.outcome)
            await callback.answer(_t(services, "agent_resolved", outcome=callback_data.outcome))
            await desk.notify_topic(
                ticket, _t(services, "agent_resolved", outcome=ticket.outcome or "")
            )
            await desk.close_topic(ticket)
        elif callback_data.action == "approve":
            ticket = await ops.ticket(ticket_id)
            _require_assignee(ticket, agent)
            await callback.answer()
            await desk.notify_topic(
                ticket, _t(services, "agent_choose_plan"), plan_keyboard(services, ticket)
            )
        elif callback_data.action == "plan" and callback_data.outcome in APPROVABLE_PLANS:
            plan = callback_data.outcome
            number = int(plan[1:])
            plan_id = await ops.approve_plan(
                ticket_id,
                agent,
                installments=number if plan[0] == "n" else None,
                defer_days=number if plan[0] == "d" else None,
            )
            ticket = await ops.ticket(ticket_id)
            await callback.answer(_t(services, "agent_plan_approved", plan_id=plan_id))
            await desk.notify_topic(ticket, _t(services, "agent_plan_approved", plan_id=plan_id))
        elif callback_data.action == "return":
            ticket = await ops.return_to_bot(ticket_id, agent)
            await callback.answer(_t(services, "agent_returned"))
            await desk.notify_topic(ticket, _t(services, "agent_returned"))
            await desk.close_topic(ticket)
        else:
            await callback.answer(_t(services, "agent_stale_button"), show_alert=True)
    except TicketError as error:
        await callback.answer(_refusal(services, error), show_alert=True)


def _require_assignee(ticket: Ticket, agent: Agent) -> None:
    if ticket.agent_id != agent.agent_id:
        raise TicketError(f"ticket {ticket.ticket_id} is not assigned to you")


def _refusal(services: BotServices, error: TicketError) -> str:
    return _t(services, "agent_refused", detail=str(error))


async def topic_message(message: Message, bot: Bot, services: BotServices) -> None:
    """In a ticket's topic: notes and plan approvals by command; the assignee's words relayed."""
    if message.from_user is None or message.from_user.is_bot or message.message_thread_id is None:
        return
    ticket = await services.domain.tickets.for_topic(message.message_thread_id)
    if ticket is None or not ticket.is_open:
        return
    desk = AgentDesk(bot, services)
    agent = _agent(message.from_user.id, message.from_user.first_name)
    ops = _operations(bot, services)
    text = message.text or ""
    try:
        if note := _NOTE.match(text):
            if not await desk.is_agent(agent.agent_id):
                return
            await ops.note(ticket.ticket_id, agent, note.group(1).strip())
            await message.reply(_t(services, "agent_note_saved"))
        elif approve := _APPROVE.match(text):
            count, days = approve.groups()
            plan_id = await ops.approve_plan(
                ticket.ticket_id,
                agent,
                installments=int(count) if count else None,
                defer_days=int(days) if days else None,
            )
            await message.reply(_t(services, "agent_plan_approved", plan_id=plan_id))
        elif ticket.agent_id == agent.agent_id:
            # Copy keeps photos and documents as they are; the transcript keeps the words.
            await services.domain.tickets.agent_replied(ticket.ticket_id, agent.agent_id)
            await bot.copy_message(ticket.chat_id, message.chat.id, message.message_id)
            await services.transcripts.append(
                ticket.chat_id,
                "out",
                f"[{agent.name}] {message.text or message.caption or ''}",
                kind=str(message.content_type),
            )
        # Anyone else in the topic is talking among agents: nothing reaches the borrower.
    except TicketError as error:
        await message.reply(_refusal(services, error))


def build_router(agents_chat_id: int | None) -> Router:
    """Handlers for the agents' group only (an empty router when none is configured)."""
    router = Router(name="agents")
    if agents_chat_id is None:
        return router
    router.callback_query.filter(Magic(F.message.chat.id == agents_chat_id))
    router.message.filter(Magic(F.chat.id == agents_chat_id))
    router.callback_query.register(ticket_button, TicketCallback.filter())
    router.message.register(topic_message, Magic(F.message_thread_id))
    return router
