"""Ops fixtures: a queue of four tickets in Redis (one past its SLA) and a transcript."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from actions.domain.handoff_policy import Priority, Reason
from actions.domain.ledger import FileLedger
from actions.domain.preferences import PreferenceStore
from actions.domain.stats import DailyStats
from actions.domain.tickets import Ticket, TicketStore
from bot.metrics import Metrics
from bot.ops.app import build_ops_app
from bot.transcript import TranscriptStore

ROOT = Path(__file__).resolve().parents[2]
SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 10 March 2025, 10:00 in Shanghai.
NOW = datetime(2025, 3, 10, 10, 0, tzinfo=SHANGHAI)
TOKEN = "s3cret-ops-token"
AGENT_ID, AGENT = 501, "Li Wei"
BORROWER_TEXT = "I never borrowed this! <script>alert('x')</script> call 13800138000"


@dataclass
class Queue:
    """The seeded tickets by role."""

    breached: Ticket  # dispute, high, queued, 90 min old, SLA passed 30 min ago
    assigned: Ticket  # request_human, normal, claimed by Li Wei, 20 min old
    resolved: Ticket  # vulnerable, urgent, resolved by Li Wei
    fresh: Ticket  # complaint_legal, high, queued, 5 min old

    @property
    def all(self) -> list[Ticket]:
        return [self.breached, self.assigned, self.resolved, self.fresh]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


def _ticket(
    ticket_id: str,
    chat_id: int,
    reason: Reason,
    priority: Priority,
    age: timedelta,
    sla: timedelta,
    borrower_id: str | None,
) -> Ticket:
    created = NOW - age
    return Ticket(
        ticket_id=ticket_id,
        chat_id=chat_id,
        user_id=chat_id,
        borrower_id=borrower_id,
        loan_id=f"L-{borrower_id[2:]}" if borrower_id else None,
        lang="en",
        reason=reason,
        priority=priority,
        trigger_text="ring me on +86 138 0013 8000",
        created_at=created,
        sla_due_at=created + sla,
    )


async def seed_queue(redis: Redis, clock: FixedClock) -> Queue:
    """Creates the tickets at their own times, then sets the clock back to NOW."""
    store = TicketStore(redis, clock)
    transcripts = TranscriptStore(redis)
    specs = [
        ("T-BRCH1", 7001, Reason.DISPUTE, Priority.HIGH, 90, 60, "D-1001"),
        ("T-ASGN2", 7002, Reason.REQUEST_HUMAN, Priority.NORMAL, 20, 60, "D-1002"),
        ("T-DONE3", 7003, Reason.VULNERABLE, Priority.URGENT, 180, 15, "D-1003"),
        ("T-FRSH4", 7004, Reason.COMPLAINT_LEGAL, Priority.HIGH, 5, 30, None),
    ]
    made: dict[str, Ticket] = {}
    for ticket_id, chat, reason, priority, age, sla, borrower in specs:
        ticket = _ticket(
            ticket_id, chat, reason, priority, timedelta(minutes=age), timedelta(minutes=sla),
            borrower,
        )  # fmt: skip
        clock.set(ticket.created_at)
        made[ticket_id], _ = await store.open_or_create(ticket)
    clock.set(NOW - timedelta(minutes=10))
    await store.claim("T-ASGN2", AGENT_ID, AGENT)
    clock.set(NOW - timedelta(minutes=175))
    await store.claim("T-DONE3", AGENT_ID, AGENT)
    await store.agent_replied("T-DONE3", AGENT_ID)
    await store.add_note("T-DONE3", AGENT_ID, AGENT, "Gave hotline; callback 13900001003 booked")
    clock.set(NOW - timedelta(minutes=150))
    await store.resolve("T-DONE3", AGENT_ID, "referred_support")
    clock.set(NOW)
    await transcripts.append(7001, "in", BORROWER_TEXT, at=NOW - timedelta(minutes=91))
    await transcripts.append(
        7001, "out", "A colleague will reply here.", at=NOW - timedelta(minutes=90)
    )
    tickets = {t.ticket_id: await store.get(t.ticket_id) for t in made.values()}
    return Queue(*(t for t in tickets.values() if t is not None))


@pytest.fixture
async def queue(redis: Redis, clock: FixedClock) -> Queue:
    return await seed_queue(redis, clock)


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


def ops_app(
    redis: Redis, clock: FixedClock, metrics: Metrics, token: str | None = TOKEN
) -> web.Application:
    return build_ops_app(
        tickets=TicketStore(redis, clock),
        transcripts=TranscriptStore(redis),
        stats=DailyStats(redis, clock, SHANGHAI),
        metrics=metrics,
        clock=clock,
        token=token,
        ledger=FileLedger.load(ROOT / "config" / "ledger.demo.yaml"),
        preferences=PreferenceStore(redis),
    )


@pytest.fixture
async def client(
    redis: Redis, clock: FixedClock, metrics: Metrics
) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    """A client of the ops app on a real loopback port; it sends no token by itself."""
    async with TestClient(TestServer(ops_app(redis, clock, metrics))) as test_client:
        yield test_client
