"""What an agent can do with a ticket, the same from Telegram and from the terminal console."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from actions import slots
from actions.domain.tickets import Ticket, TicketError
from bot.action_client import response_variables
from bot.services import BotServices

Deliver = Callable[[int, str], Awaitable[None]]


@dataclass(frozen=True)
class Agent:
    agent_id: int
    name: str

    @property
    def actor(self) -> str:
        return f"agent:{self.agent_id}"


class AgentOperations:
    """Ticket changes plus what the borrower is told; `deliver` sends text to a borrower."""

    def __init__(self, services: BotServices, deliver: Deliver) -> None:
        self.services = services
        self.deliver = deliver
        self.tickets = services.domain.tickets

    def _borrower_text(self, ticket: Ticket, key: str, **variables: object) -> str:
        return self.services.catalog.text(ticket.lang, key, **variables)

    async def ticket(self, ticket_id: str) -> Ticket:
        ticket = await self.tickets.get(ticket_id)
        if ticket is None:
            raise TicketError(f"no ticket {ticket_id}")
        return ticket

    async def claim(self, ticket_id: str, agent: Agent) -> Ticket:
        ticket = await self.tickets.claim(ticket_id, agent.agent_id, agent.name)
        await self.deliver(ticket.chat_id, self._borrower_text(ticket, "handoff_agent_joined"))
        return ticket

    async def reply(self, ticket_id: str, agent: Agent, message: str) -> Ticket:
        """Sends the assignee's words to the borrower (others are refused)."""
        ticket = await self.tickets.agent_replied(ticket_id, agent.agent_id)
        await self.deliver(ticket.chat_id, message)
        return ticket

    async def note(self, ticket_id: str, agent: Agent, note: str) -> Ticket:
        return await self.tickets.add_note(ticket_id, agent.agent_id, agent.name, note)

    async def resolve(self, ticket_id: str, agent: Agent, outcome: str) -> Ticket:
        if outcome not in self.services.domain.handoff.outcomes:
            raise TicketError(f"unknown outcome {outcome!r}")
        ticket = await self.tickets.resolve(ticket_id, agent.agent_id, outcome)
        await self.deliver(ticket.chat_id, self._borrower_text(ticket, "handoff_resolved"))
        return ticket

    async def return_to_bot(self, ticket_id: str, agent: Agent) -> Ticket:
        ticket = await self.tickets.return_to_bot(ticket_id, agent.agent_id)
        await self.deliver(ticket.chat_id, self._borrower_text(ticket, "handoff_returned"))
        return ticket

    async def approve_plan(
        self,
        ticket_id: str,
        agent: Agent,
        *,
        installments: int | None = None,
        defer_days: int | None = None,
    ) -> str:
        """Records a plan outside the self-service limits; returns the plan id."""
        ticket = await self.ticket(ticket_id)
        if ticket.status.value != "assigned" or ticket.agent_id != agent.agent_id:
            raise TicketError(f"ticket {ticket_id} must be claimed by you first")
        if ticket.borrower_id is None:
            raise TicketError("the borrower is not verified; no plan can be recorded")
        result = await self.services.actions.run(
            "action_agent_approve_plan",
            str(ticket.user_id),
            {
                slots.BORROWER_ID: ticket.borrower_id,
                slots.LANG: ticket.lang,
                slots.APPROVED_BY: agent.actor,
                slots.INSTALLMENTS: installments,
                slots.DEFER_DAYS: defer_days,
            },
        )
        plan_id = result.slot_changes().get(slots.PLAN_ID)
        if not plan_id:
            reasons = [str(r.get("reason")) for r in result.responses if r.get("reason")]
            raise TicketError("; ".join(reasons) or "the plan could not be recorded")
        for response in result.responses:
            text = self._borrower_text(ticket, response["response"], **response_variables(response))
            await self.deliver(ticket.chat_id, text)
        await self.tickets.add_note(
            ticket_id, agent.agent_id, agent.name, f"plan {plan_id} approved outside policy"
        )
        return str(plan_id)
