"""Escalation tickets: the handoff of a conversation to a person, stored in Redis.

Every change is written to the ticket (JSON, with its own timeline) and appended to one
Redis Stream of ticket events, so ops views and metrics can be rebuilt from it.

Keys: ``repaybot:ticket:<id>`` JSON; ``repaybot:tickets`` zset of all ids by creation time;
``repaybot:tickets:open`` zset of open ids; ``repaybot:ticket:chat:<chat_id>`` the chat's open
ticket; ``repaybot:ticket:topic:<topic_id>`` the ticket of an agents' forum topic;
``repaybot:hold:<loan_id>`` the dispute holding a loan; ``repaybot:ticket-events`` the stream.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from pydantic import BaseModel, Field
from redis.asyncio import Redis
from redis.exceptions import WatchError

from actions.domain.clock import Clock
from actions.domain.handoff_policy import PRIORITY_ORDER, Priority, Reason
from actions.domain.ids import new_id
from actions.domain.redis_util import text
from actions.domain.stats import RECORD_HANDOFF_LUA, HandoffCount

PREFIX = "repaybot"
EVENTS_STREAM = f"{PREFIX}:ticket-events"
_RawEntry = tuple[bytes | str, dict[bytes | str, bytes | str]]


class Status(StrEnum):
    QUEUED = "queued"
    ASSIGNED = "assigned"
    RESOLVED = "resolved"
    RETURNED = "returned"


OPEN_STATUSES = frozenset({Status.QUEUED, Status.ASSIGNED})


class TicketError(ValueError):
    """A change the ticket's state does not allow (already claimed, closed, not the assignee)."""


class TicketEvent(BaseModel):
    at: datetime
    kind: str
    actor: str = "bot"
    detail: str = ""


class Note(BaseModel):
    at: datetime
    agent_id: int
    agent_name: str
    text: str


class Ticket(BaseModel):
    ticket_id: str
    chat_id: int
    user_id: int
    borrower_id: str | None = None
    loan_id: str | None = None
    lang: str = "zh"
    reason: Reason
    priority: Priority
    signals: list[str] = Field(default_factory=list)
    trigger_text: str = ""
    offered: list[str] = Field(default_factory=list)
    status: Status = Status.QUEUED
    created_at: datetime
    sla_due_at: datetime
    assigned_at: datetime | None = None
    first_reply_at: datetime | None = None
    resolved_at: datetime | None = None
    returned_at: datetime | None = None
    agent_id: int | None = None
    agent_name: str | None = None
    notes: list[Note] = Field(default_factory=list)
    outcome: str | None = None
    topic_id: int | None = None
    transcript_key: str = ""
    timeline: list[TicketEvent] = Field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def sla_breached(self, now: datetime) -> bool:
        """No first agent reply by the deadline (still waiting past it, or replied late)."""
        if self.first_reply_at is not None:
            return self.first_reply_at > self.sla_due_at
        return self.is_open and now > self.sla_due_at

    def waiting_seconds(self, now: datetime) -> float:
        end = self.first_reply_at or (now if self.is_open else self.resolved_at or now)
        return max(0.0, (end - self.created_at).total_seconds())

    def sort_key(self) -> tuple[int, datetime]:
        return PRIORITY_ORDER[self.priority], self.created_at


def _key(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{ticket_id}"


def chat_key(chat_id: int) -> str:
    return f"{PREFIX}:ticket:chat:{chat_id}"


def _topic_key(topic_id: int) -> str:
    return f"{PREFIX}:ticket:topic:{topic_id}"


def hold_key(loan_id: str) -> str:
    """The loan's dispute hold: the id of the ticket that holds it."""
    return f"{PREFIX}:hold:{loan_id}"


# KEYS: chat pointer, ticket key, all zset, open zset, events stream, then (when it is counted)
# the handoff count's keys. ARGV: ticket id, ticket JSON, created timestamp, event fields as
# JSON, then the count's arguments.
_CREATE = (
    RECORD_HANDOFF_LUA
    + """
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
local fields = cjson.decode(ARGV[4])
local flat = {}
for k, v in pairs(fields) do table.insert(flat, k); table.insert(flat, v) end
redis.call('XADD', KEYS[5], '*', unpack(flat))
if #KEYS > 5 then record_handoff({unpack(KEYS, 6)}, {unpack(ARGV, 5)}) end
return ARGV[1]
"""
)


class TicketStore:
    """Creates tickets and moves them through queued → assigned → resolved (or returned)."""

    def __init__(self, redis: Redis, clock: Clock) -> None:
        self._redis = redis
        self._clock = clock
        self._create = redis.register_script(_CREATE)

    async def open_or_create(
        self, ticket: Ticket, counted: HandoffCount | None = None
    ) -> tuple[Ticket, bool]:
        """The chat's open ticket if it has one (False), else `ticket` stored (True) and, in
        the same call, `counted` in today's figures."""
        ticket.transcript_key = ticket.transcript_key or f"{PREFIX}:transcript:{ticket.chat_id}"
        event = ticket.timeline[-1] if ticket.timeline else self._event("created")
        if not ticket.timeline:
            ticket.timeline.append(event)
        keys = [
            chat_key(ticket.chat_id),
            _key(ticket.ticket_id),
            f"{PREFIX}:tickets",
            f"{PREFIX}:tickets:open",
            EVENTS_STREAM,
        ]
        args: list[str | int | float] = [
            ticket.ticket_id,
            ticket.model_dump_json(),
            ticket.created_at.timestamp(),
            json.dumps(self._stream_fields(ticket, event)),
        ]
        if counted is not None:
            keys += counted.keys
            args += counted.args
        winner = await self._create(keys=keys, args=args)
        if text(winner) == ticket.ticket_id:
            return ticket, True
        existing = await self.get(text(winner))
        if existing is None:  # pragma: no cover - the pointer and the ticket are written together
            raise TicketError("open ticket pointer without a ticket")
        return existing, False

    @staticmethod
    def new_id() -> str:
        return new_id("T", 6)

    def _event(self, kind: str, actor: str = "bot", detail: str = "") -> TicketEvent:
        return TicketEvent(at=self._clock.now(), kind=kind, actor=actor, detail=detail)

    @staticmethod
    def _stream_fields(ticket: Ticket, event: TicketEvent) -> dict[str, str]:
        return {
            "ticket_id": ticket.ticket_id,
            "kind": event.kind,
            "at": event.at.isoformat(),
            "actor": event.actor,
            "detail": event.detail,
            "status": ticket.status.value,
            "reason": ticket.reason.value,
            "priority": ticket.priority.value,
        }

    async def get(self, ticket_id: str) -> Ticket | None:
        raw = await self._redis.get(_key(ticket_id))
        return Ticket.model_validate_json(raw) if raw else None

    async def open_for_chat(self, chat_id: int) -> str | None:
        raw = await self._redis.get(chat_key(chat_id))
        return text(raw) if raw is not None else None

    async def for_topic(self, topic_id: int) -> Ticket | None:
        raw = await self._redis.get(_topic_key(topic_id))
        return await self.get(text(raw)) if raw is not None else None

    async def update(
        self,
        ticket_id: str,
        change: Callable[[Ticket], TicketEvent],
    ) -> Ticket:
        """Applies `change` atomically (optimistic WATCH; retried if another writer won)."""
        key = _key(ticket_id)
        for _ in range(20):
            async with self._redis.pipeline(transaction=True) as pipe:
                try:
                    await pipe.watch(key)
                    raw = await pipe.get(key)
                    if raw is None:
                        raise TicketError(f"no ticket {ticket_id}")
                    ticket = Ticket.model_validate_json(raw)
                    event = change(ticket)
                    ticket.timeline.append(event)
                    pipe.multi()  # type: ignore[no-untyped-call]
                    pipe.set(key, ticket.model_dump_json())
                    if not ticket.is_open:
                        pipe.zrem(f"{PREFIX}:tickets:open", ticket.ticket_id)
                        pipe.delete(chat_key(ticket.chat_id))
                    if ticket.topic_id is not None:
                        pipe.set(_topic_key(ticket.topic_id), ticket.ticket_id)
                    pipe.xadd(EVENTS_STREAM, self._stream_fields(ticket, event))  # type: ignore[arg-type]
                    await pipe.execute()
                    return ticket
                except WatchError:
                    continue
        raise TicketError(f"ticket {ticket_id} is changing too often; try again")

    async def attach_topic(self, ticket_id: str, topic_id: int) -> Ticket:
        def change(ticket: Ticket) -> TicketEvent:
            ticket.topic_id = topic_id
            return self._event("topic_opened", detail=str(topic_id))

        return await self.update(ticket_id, change)

    async def claim(self, ticket_id: str, agent_id: int, agent_name: str) -> Ticket:
        """Only a queued ticket can be claimed: a second agent is refused."""

        def change(ticket: Ticket) -> TicketEvent:
            if ticket.status is not Status.QUEUED:
                raise TicketError(f"ticket {ticket_id} is {ticket.status.value}")
            ticket.status = Status.ASSIGNED
            ticket.agent_id, ticket.agent_name = agent_id, agent_name
            ticket.assigned_at = self._clock.now()
            return self._event("assigned", actor=f"agent:{agent_id}", detail=agent_name)

        return await self.update(ticket_id, change)

    async def agent_replied(self, ticket_id: str, agent_id: int) -> Ticket:
        """Records a relayed agent message; the first one stops the SLA clock."""

        def change(ticket: Ticket) -> TicketEvent:
            self._require_assignee(ticket, agent_id)
            first = ticket.first_reply_at is None
            if first:
                ticket.first_reply_at = self._clock.now()
            return self._event("first_reply" if first else "agent_reply", f"agent:{agent_id}")

        return await self.update(ticket_id, change)

    async def raise_priority(self, ticket_id: str, priority: Priority, due: datetime) -> Ticket:
        """A more urgent signal (self-harm) during an open ticket: never lowers priority."""

        def change(ticket: Ticket) -> TicketEvent:
            if PRIORITY_ORDER[priority] < PRIORITY_ORDER[ticket.priority]:
                ticket.priority = priority
                ticket.sla_due_at = min(ticket.sla_due_at, due)
            return self._event("priority_raised", detail=ticket.priority.value)

        return await self.update(ticket_id, change)

    async def add_note(self, ticket_id: str, agent_id: int, agent_name: str, note: str) -> Ticket:
        def change(ticket: Ticket) -> TicketEvent:
            ticket.notes.append(
                Note(at=self._clock.now(), agent_id=agent_id, agent_name=agent_name, text=note)
            )
            return self._event("note", actor=f"agent:{agent_id}")

        return await self.update(ticket_id, change)

    async def resolve(self, ticket_id: str, agent_id: int, outcome: str) -> Ticket:
        """Closes the ticket with an outcome; closing a dispute lifts the loan's hold."""

        def change(ticket: Ticket) -> TicketEvent:
            # A ticket returned to the bot can still be closed later (e.g. a dispute's outcome).
            if ticket.status is not Status.RETURNED:
                self._require_assignee(ticket, agent_id)
            ticket.status = Status.RESOLVED
            ticket.outcome = outcome
            ticket.resolved_at = self._clock.now()
            return self._event("resolved", actor=f"agent:{agent_id}", detail=outcome)

        ticket = await self.update(ticket_id, change)
        if ticket.reason is Reason.DISPUTE and ticket.loan_id:
            await self.release_hold(ticket.loan_id, ticket.ticket_id)
        return ticket

    async def return_to_bot(self, ticket_id: str, agent_id: int) -> Ticket:
        def change(ticket: Ticket) -> TicketEvent:
            if not ticket.is_open:
                raise TicketError(f"ticket {ticket_id} is {ticket.status.value}")
            if ticket.agent_id is not None and ticket.agent_id != agent_id:
                raise TicketError(f"ticket {ticket_id} is assigned to another agent")
            ticket.status = Status.RETURNED
            ticket.returned_at = self._clock.now()
            return self._event("returned", actor=f"agent:{agent_id}")

        return await self.update(ticket_id, change)

    @staticmethod
    def _require_assignee(ticket: Ticket, agent_id: int) -> None:
        if ticket.status is not Status.ASSIGNED:
            raise TicketError(f"ticket {ticket.ticket_id} is {ticket.status.value}")
        if ticket.agent_id != agent_id:
            raise TicketError(f"ticket {ticket.ticket_id} is assigned to another agent")

    async def put_on_hold(self, loan_id: str, ticket_id: str) -> None:
        await self._redis.set(hold_key(loan_id), ticket_id)

    async def hold_for(self, loan_id: str) -> str | None:
        raw = await self._redis.get(hold_key(loan_id))
        return text(raw) if raw is not None else None

    async def release_hold(self, loan_id: str, ticket_id: str) -> None:
        if await self.hold_for(loan_id) == ticket_id:
            await self._redis.delete(hold_key(loan_id))

    async def all(self, *, open_only: bool = False, limit: int = 5000) -> list[Ticket]:
        """Tickets, newest first."""
        index = f"{PREFIX}:tickets:open" if open_only else f"{PREFIX}:tickets"
        ids = [text(i) for i in await self._redis.zrevrange(index, 0, limit - 1)]
        if not ids:
            return []
        raws = await self._redis.mget([_key(i) for i in ids])
        return [Ticket.model_validate_json(raw) for raw in raws if raw]

    async def events(self, count: int = 10_000) -> list[dict[str, Any]]:
        """The event stream, oldest first (for rebuilding views and metrics)."""
        entries = cast(list[_RawEntry], await self._redis.xrange(EVENTS_STREAM, count=count))
        return [
            {"id": text(entry_id), **{text(k): text(v) for k, v in fields.items()}}
            for entry_id, fields in entries
        ]
