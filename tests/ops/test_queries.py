"""Filters, rows and the overview: what ops staff see in the list, the CSV and the terminal."""

from __future__ import annotations

import csv
import io

import pytest

from actions.domain.handoff_policy import Priority, Reason
from bot.ops.export import tickets_csv
from bot.ops.queries import (
    CSV_COLUMNS,
    FilterError,
    TicketFilter,
    overview,
    select,
    ticket_row,
)
from tests.ops.conftest import AGENT, NOW, Queue


def ids(queue: Queue, params: dict[str, str]) -> list[str]:
    flt = TicketFilter.from_params(params)
    return [t.ticket_id for t in select(queue.all, flt, NOW)]


async def test_queue_order_is_most_urgent_then_longest_waiting(queue: Queue) -> None:
    assert ids(queue, {}) == ["T-DONE3", "T-BRCH1", "T-FRSH4", "T-ASGN2"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "open"}, ["T-BRCH1", "T-FRSH4", "T-ASGN2"]),
        ({"status": "queued"}, ["T-BRCH1", "T-FRSH4"]),
        ({"status": "resolved"}, ["T-DONE3"]),
        ({"reason": "dispute"}, ["T-BRCH1"]),
        ({"priority": "high"}, ["T-BRCH1", "T-FRSH4"]),
        ({"agent": "li wei"}, ["T-DONE3", "T-ASGN2"]),
        ({"agent": "501", "status": "open"}, ["T-ASGN2"]),
        ({"agent": "unassigned"}, ["T-BRCH1", "T-FRSH4"]),
        ({"min_age_minutes": "60"}, ["T-DONE3", "T-BRCH1"]),
        ({"max_age_minutes": "30"}, ["T-FRSH4", "T-ASGN2"]),
        ({"min_age_minutes": "10", "max_age_minutes": "100"}, ["T-BRCH1", "T-ASGN2"]),
        ({"status": "", "reason": " ", "agent": ""}, ["T-DONE3", "T-BRCH1", "T-FRSH4", "T-ASGN2"]),
    ],
)
async def test_filters_narrow_the_list(
    queue: Queue, params: dict[str, str], expected: list[str]
) -> None:
    assert ids(queue, params) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "closed"}, "status must be one of"),
        ({"reason": "angry"}, "reason must be one of: request_human"),
        ({"priority": "P1"}, "priority must be one of: urgent, high, normal"),
        ({"min_age_minutes": "ten"}, "min_age_minutes must be a number"),
        ({"max_age_minutes": "-5"}, "max_age_minutes must be a number"),
    ],
)
def test_bad_filter_values_are_named(params: dict[str, str], message: str) -> None:
    with pytest.raises(FilterError, match=message):
        TicketFilter.from_params(params)


def test_filter_round_trips_through_query_params() -> None:
    params = {"status": "open", "reason": "dispute", "priority": "high", "agent": AGENT,
              "min_age_minutes": "15", "max_age_minutes": "90.5"}  # fmt: skip
    flt = TicketFilter.from_params(params)
    assert flt.reason is Reason.DISPUTE
    assert flt.priority is Priority.HIGH
    assert flt.as_params() == params
    assert TicketFilter().as_params() == {}


async def test_overview_counts_open_tickets_and_flags_the_breach(queue: Queue) -> None:
    ov = overview(queue.all, NOW)
    assert ov.total == 3
    assert ov.counts[Priority.HIGH][Reason.DISPUTE] == 1
    assert ov.counts[Priority.HIGH][Reason.COMPLAINT_LEGAL] == 1
    assert ov.counts[Priority.NORMAL][Reason.REQUEST_HUMAN] == 1
    assert ov.priority_total(Priority.URGENT) == 0  # the urgent one is resolved
    assert list(ov.counts) == [Priority.URGENT, Priority.HIGH, Priority.NORMAL]
    assert [t.ticket_id for t in ov.breaches] == ["T-BRCH1"]
    assert ov.oldest is not None
    assert ov.oldest.ticket_id == "T-BRCH1"
    assert ov.per_agent == {AGENT: 1, "unassigned": 2}


async def test_row_has_the_csv_columns_and_no_personal_numbers(queue: Queue) -> None:
    row = ticket_row(queue.resolved, NOW)
    assert tuple(row) == CSV_COLUMNS
    assert row["status"] == "resolved"
    assert row["agent"] == AGENT
    assert row["outcome"] == "referred_support"
    assert row["sla_breached"] == "no"
    assert row["resolved_at"] == "2025-03-10T07:30:00+08:00"
    assert ticket_row(queue.breached, NOW)["sla_breached"] == "yes"
    assert "13800138000" not in tickets_csv(queue.all, NOW)


async def test_csv_cells_cannot_become_spreadsheet_formulas(queue: Queue) -> None:
    queue.resolved.outcome = '=HYPERLINK("http://evil")'
    rows = list(csv.DictReader(io.StringIO(tickets_csv([queue.resolved], NOW))))
    assert rows[0]["outcome"] == '\'=HYPERLINK("http://evil")'
