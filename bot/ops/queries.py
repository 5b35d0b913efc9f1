"""What the ops page and the `queue` CLI show: filters, rows, the overview, one ticket's detail.

One place for this logic, so the web page, the CSV export and the terminal always agree.
Personal data leaves here masked: borrower ids, masked names, numbers masked in free text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from actions.domain.handoff_policy import PRIORITY_ORDER, Priority, Reason
from actions.domain.ledger import Ledger
from actions.domain.masking import mask_name, mask_text
from actions.domain.preferences import ContactPreferences, PreferenceStore
from actions.domain.tickets import OPEN_STATUSES, Status, Ticket, TicketStore
from bot.transcript import TranscriptEntry, TranscriptStore

OPEN = "open"
UNASSIGNED = "unassigned"
STATUS_CHOICES = (OPEN, *(s.value for s in Status))
CSV_COLUMNS = (
    "ticket_id",
    "created_at",
    "status",
    "reason",
    "priority",
    "borrower_id",
    "loan_id",
    "agent",
    "sla_due_at",
    "sla_breached",
    "first_reply_at",
    "resolved_at",
    "outcome",
)
TRANSCRIPT_LIMIT = 500
_E = TypeVar("_E", Reason, Priority)


class FilterError(ValueError):
    """A filter value that is not one of the allowed ones."""


@dataclass(frozen=True)
class TicketFilter:
    """Which tickets to list. Empty fields match everything; `status="open"` = queued|assigned.

    `agent` matches the agent's name (any case) or id; `unassigned` matches tickets nobody took.
    Ages are minutes since the ticket was created.
    """

    status: str | None = None
    reason: Reason | None = None
    priority: Priority | None = None
    agent: str | None = None
    min_age_minutes: float | None = None
    max_age_minutes: float | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> TicketFilter:
        """From query parameters (blank ones ignored); raises `FilterError` naming the field."""

        def get(name: str) -> str | None:
            value = params.get(name, "").strip()
            return value or None

        status = get("status")
        if status is not None and status not in STATUS_CHOICES:
            raise FilterError(f"status must be one of: {', '.join(STATUS_CHOICES)}")
        return cls(
            status=status,
            reason=_enum(Reason, "reason", get("reason")),
            priority=_enum(Priority, "priority", get("priority")),
            agent=get("agent"),
            min_age_minutes=_minutes("min_age_minutes", get("min_age_minutes")),
            max_age_minutes=_minutes("max_age_minutes", get("max_age_minutes")),
        )

    def as_params(self) -> dict[str, str]:
        """The query parameters that give this filter back (for links such as the CSV)."""
        values = {
            "status": self.status,
            "reason": self.reason.value if self.reason else None,
            "priority": self.priority.value if self.priority else None,
            "agent": self.agent,
            "min_age_minutes": _number(self.min_age_minutes),
            "max_age_minutes": _number(self.max_age_minutes),
        }
        return {name: value for name, value in values.items() if value is not None}

    def matches(self, ticket: Ticket, now: datetime) -> bool:
        age = age_minutes(ticket, now)
        return (
            self._status_matches(ticket)
            and self.reason in (None, ticket.reason)
            and self.priority in (None, ticket.priority)
            and self._agent_matches(ticket)
            and (self.min_age_minutes is None or age >= self.min_age_minutes)
            and (self.max_age_minutes is None or age <= self.max_age_minutes)
        )

    def _status_matches(self, ticket: Ticket) -> bool:
        if self.status is None:
            return True
        if self.status == OPEN:
            return ticket.status in OPEN_STATUSES
        return ticket.status.value == self.status

    def _agent_matches(self, ticket: Ticket) -> bool:
        if self.agent is None:
            return True
        if self.agent.lower() == UNASSIGNED:
            return ticket.agent_id is None
        wanted = self.agent.casefold()
        return wanted in {(ticket.agent_name or "").casefold(), str(ticket.agent_id)}


def _enum(kind: type[_E], name: str, value: str | None) -> _E | None:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise FilterError(f"{name} must be one of: {allowed}") from None


def _minutes(name: str, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        minutes = float(value)
    except ValueError:
        raise FilterError(f"{name} must be a number of minutes") from None
    if minutes < 0 or minutes != minutes:
        raise FilterError(f"{name} must be a number of minutes")
    return minutes


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value == int(value) else str(value)


def age_minutes(ticket: Ticket, now: datetime) -> int:
    """Whole minutes since the ticket was created."""
    return max(0, int((now - ticket.created_at).total_seconds() // 60))


def select(tickets: Iterable[Ticket], flt: TicketFilter, now: datetime) -> list[Ticket]:
    """The matching tickets in queue order: most urgent first, then the longest waiting."""
    return sorted((t for t in tickets if flt.matches(t, now)), key=Ticket.sort_key)


async def load(store: TicketStore, flt: TicketFilter, now: datetime) -> list[Ticket]:
    """Reads only the open index when the filter asks for open tickets."""
    open_only = flt.status in {OPEN, Status.QUEUED.value, Status.ASSIGNED.value}
    return select(await store.all(open_only=open_only), flt, now)


def duration(seconds: float) -> str:
    """`3900` → `1 h 05 min`; `2 d 3 h` past a day."""
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def agent_label(ticket: Ticket) -> str:
    return ticket.agent_name or (str(ticket.agent_id) if ticket.agent_id is not None else "")


CONTACT_LABELS = {
    "borrower_only": "Contact only the borrower about the loan",
    "no_messages": "No proactive messages",
}


def contact_summary(contact: ContactPreferences, when: Callable[[datetime], str]) -> str:
    """The borrower's contact preferences in a line, each with when it was asked; "—" if none."""
    return (
        " · ".join(f"{CONTACT_LABELS[what]} (asked {when(at)})" for what, at in contact.asked())
        or "—"
    )


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def ticket_row(ticket: Ticket, now: datetime) -> dict[str, str]:
    """The ticket as one CSV row (`CSV_COLUMNS`, every value a string)."""
    return {
        "ticket_id": ticket.ticket_id,
        "created_at": _iso(ticket.created_at),
        "status": ticket.status.value,
        "reason": ticket.reason.value,
        "priority": ticket.priority.value,
        "borrower_id": ticket.borrower_id or "",
        "loan_id": ticket.loan_id or "",
        "agent": agent_label(ticket),
        "sla_due_at": _iso(ticket.sla_due_at),
        "sla_breached": "yes" if ticket.sla_breached(now) else "no",
        "first_reply_at": _iso(ticket.first_reply_at),
        "resolved_at": _iso(ticket.resolved_at),
        "outcome": ticket.outcome or "",
    }


def ticket_json(ticket: Ticket, now: datetime) -> dict[str, Any]:
    """The row with typed values and ages, for `--json` output."""
    row: dict[str, Any] = {name: value or None for name, value in ticket_row(ticket, now).items()}
    row["sla_breached"] = ticket.sla_breached(now)
    row["age_minutes"] = age_minutes(ticket, now)
    row["waiting_minutes"] = int(ticket.waiting_seconds(now) // 60)
    return row


@dataclass(frozen=True)
class Overview:
    """The open queue at a glance."""

    tickets: list[Ticket]
    counts: dict[Priority, dict[Reason, int]]
    per_agent: dict[str, int]
    breaches: list[Ticket]
    oldest: Ticket | None
    now: datetime

    @property
    def total(self) -> int:
        return len(self.tickets)

    def priority_total(self, priority: Priority) -> int:
        return sum(self.counts[priority].values())


def overview(tickets: Iterable[Ticket], now: datetime) -> Overview:
    """Counts open tickets by priority and reason, by agent; finds breaches and the oldest."""
    queue = select(tickets, TicketFilter(status=OPEN), now)
    counts = {p: dict.fromkeys(Reason, 0) for p in sorted(Priority, key=PRIORITY_ORDER.__getitem__)}
    for ticket in queue:
        counts[ticket.priority][ticket.reason] += 1
    per_agent = Counter(agent_label(t) or UNASSIGNED for t in queue)
    waiting = [t for t in queue if t.first_reply_at is None]
    oldest = max(waiting, key=lambda t: t.waiting_seconds(now), default=None)
    return Overview(
        tickets=queue,
        counts=counts,
        per_agent=dict(sorted(per_agent.items())),
        breaches=[t for t in queue if t.sla_breached(now)],
        oldest=oldest,
        now=now,
    )


@dataclass(frozen=True)
class TicketDetail:
    """One ticket with its conversation, personal data masked."""

    ticket: Ticket
    transcript: list[TranscriptEntry]
    borrower_name: str | None = None
    trigger_text: str = ""
    notes: list[dict[str, str]] = field(default_factory=list)
    contact: ContactPreferences = field(default_factory=ContactPreferences)

    def as_json(self, now: datetime) -> dict[str, Any]:
        ticket = self.ticket
        return {
            **ticket_json(ticket, now),
            "borrower_name": self.borrower_name,
            "lang": ticket.lang,
            "signals": ticket.signals,
            "trigger_text": self.trigger_text,
            "timeline": [
                {"at": e.at.isoformat(), "kind": e.kind, "actor": e.actor, "detail": e.detail}
                for e in ticket.timeline
            ],
            "notes": self.notes,
            "contact": {
                "no_third_parties_at": _iso(self.contact.no_third_parties_at) or None,
                "opted_out_at": _iso(self.contact.opted_out_at) or None,
            },
            "transcript": [
                {"at": e.at.isoformat(), "direction": e.direction, "kind": e.kind, "text": e.text}
                for e in self.transcript
            ],
        }


async def ticket_detail(
    ticket_id: str,
    tickets: TicketStore,
    transcripts: TranscriptStore,
    ledger: Ledger | None = None,
    preferences: PreferenceStore | None = None,
) -> TicketDetail | None:
    ticket = await tickets.get(ticket_id)
    if ticket is None:
        return None
    name = None
    if ledger is not None and ticket.borrower_id:
        borrower = await ledger.get(ticket.borrower_id)
        name = mask_name(borrower.name) if borrower is not None else None
    entries = await transcripts.entries(ticket.chat_id, last=TRANSCRIPT_LIMIT)
    contact = (
        await preferences.contact(ticket.user_id)
        if preferences is not None
        else ContactPreferences()
    )
    return TicketDetail(
        ticket=ticket,
        transcript=[_masked(entry) for entry in entries],
        borrower_name=name,
        trigger_text=mask_text(ticket.trigger_text),
        contact=contact,
        notes=[
            {"at": n.at.isoformat(), "agent": n.agent_name, "text": mask_text(n.text)}
            for n in ticket.notes
        ],
    )


def _masked(entry: TranscriptEntry) -> TranscriptEntry:
    return TranscriptEntry(
        entry_id=entry.entry_id,
        at=entry.at,
        direction=entry.direction,
        kind=entry.kind,
        text=mask_text(entry.text),
    )
