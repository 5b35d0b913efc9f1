"""CSV for spreadsheets: the ticket list (`CSV_COLUMNS`) and the daily figures."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from actions.domain.handoff_policy import Reason
from actions.domain.stats import DayFigures
from actions.domain.tickets import Ticket
from bot.ops.queries import CSV_COLUMNS, ticket_row

DAILY_COLUMNS = (
    "date",
    "conversations",
    "bot_only",
    "handoff_chats",
    "handoffs",
    *(f"handoffs_{reason.value}" for reason in Reason),
    "plans",
    "promises",
    "callbacks",
)


def _safe(value: str) -> str:
    """Keeps a spreadsheet from reading a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_tickets(tickets: Iterable[Ticket], now: datetime, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for ticket in tickets:
        writer.writerow({k: _safe(v) for k, v in ticket_row(ticket, now).items()})


def write_days(days: Iterable[DayFigures], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(DAILY_COLUMNS)
    for day in days:
        figures = day.as_dict()
        by_reason = [day.handoffs.get(reason.value, 0) for reason in Reason]
        writer.writerow(
            [
                figures["date"],
                day.conversations,
                day.bot_only,
                day.handoff_chats,
                day.handoffs_total,
                *by_reason,
                day.plans,
                day.promises,
                day.callbacks,
            ]
        )


def tickets_csv(tickets: Iterable[Ticket], now: datetime) -> str:
    out = io.StringIO()
    write_tickets(tickets, now, out)
    return out.getvalue()


def days_csv(days: Iterable[DayFigures]) -> str:
    out = io.StringIO()
    write_days(days, out)
    return out.getvalue()
