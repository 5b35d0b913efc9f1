"""Hardship quotes for the demo borrowers, to the cent, and the plans they record."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from actions.domain.hardship import hardship_options, quote_deferral, quote_installments
from actions.domain.ledger import Borrower
from actions.domain.plans import PlanError, PlanStore
from actions.domain.policy import Policy
from actions.domain.reasons import ReasonCode
from tests.domain.conftest import NOW

D = Decimal


def test_d1001_gets_six_instalments_of_the_exact_overdue_amount(
    borrowers: dict[str, Borrower], policy: Policy
) -> None:
    quote = quote_installments(borrowers["D-1001"], count=6, policy=policy, history=[], now=NOW)

    assert quote.eligible
    assert quote.reason is None
    assert quote.amount == D("2240.00")
    assert [(i.due, i.amount) for i in quote.schedule] == [
        (date(2025, 3, 17), D("373.33")),
        (date(2025, 4, 17), D("373.33")),
        (date(2025, 5, 17), D("373.33")),
        (date(2025, 6, 17), D("373.33")),
        (date(2025, 7, 17), D("373.33")),
        (date(2025, 8, 17), D("373.35")),
    ]
    assert quote.total == D("2240.00")
    assert quote.frozen_fees is True
    data = quote.model_dump(mode="json")
    assert data["schedule"][-1] == {"due": "2025-08-17", "amount": "373.35"}
    assert data["total"] == "2240.00"


def test_d1001_may_also_defer(borrowers: dict[str, Borrower], policy: Policy) -> None:
    quote = quote_deferral(borrowers["D-1001"], days=14, policy=policy, history=[], now=NOW)
    assert quote.eligible
    assert [(i.due, i.amount) for i in quote.schedule] == [(date(2025, 3, 24), D("2240.00"))]
    options = hardship_options(borrowers["D-1001"], policy=policy, history=[], now=NOW)
    assert options.installment_counts == [2, 3, 4, 5, 6]
    assert options.max_defer_days == 30


def test_d1002_gets_instalments_but_no_deferral(
    borrowers: dict[str, Borrower], policy: Policy
) -> None:
    d1002 = borrowers["D-1002"]
    plan = quote_installments(d1002, count=4, policy=policy, history=[], now=NOW)
    assert plan.eligible
    assert [i.amount for i in plan.schedule] == [D("1350.00")] * 4
    assert plan.total == D("5400.00")

    deferral = quote_deferral(d1002, days=14, policy=policy, history=[], now=NOW)
    assert not deferral.eligible
    assert deferral.reason == ReasonCode.DEFERRAL_DPD_OVER_LIMIT
    assert deferral.reason_params == {"days_past_due": "45", "limit": "30"}

    options = hardship_options(d1002, policy=policy, history=[], now=NOW)
    assert options.eligible
    assert options.installment_counts == [2, 3, 4, 5, 6]
    assert options.max_defer_days is None
    assert options.deferral_reason == ReasonCode.DEFERRAL_DPD_OVER_LIMIT


def test_d1003_gets_no_self_service_plan(borrowers: dict[str, Borrower], policy: Policy) -> None:
    d1003 = borrowers["D-1003"]
    quote = quote_installments(d1003, count=6, policy=policy, history=[], now=NOW)
    assert not quote.eligible
    assert quote.reason == ReasonCode.DPD_OVER_LIMIT
    assert quote.reason_params == {"days_past_due": "95", "limit": "90"}
    # The figures an agent would need to approve an exception are still exact.
    assert quote.total == D("18600.00")
    assert quote_deferral(d1003, days=10, policy=policy, history=[], now=NOW).reason == (
        ReasonCode.DPD_OVER_LIMIT
    )
    options = hardship_options(d1003, policy=policy, history=[], now=NOW)
    assert not options.eligible
    assert options.installment_counts == []


def test_small_overdue_is_below_minimum(borrowers: dict[str, Borrower], policy: Policy) -> None:
    loan = (
        borrowers["D-1001"]
        .loans[0]
        .model_copy(
            update={"overdue_principal": D("50"), "overdue_interest": D("0"), "late_fees": D("0")}
        )
    )
    borrower = borrowers["D-1001"].model_copy(update={"loans": [loan]})
    quote = quote_installments(borrower, count=2, policy=policy, history=[], now=NOW)
    assert quote.reason == ReasonCode.OVERDUE_BELOW_MINIMUM
    assert quote.reason_params == {"overdue": "50.00", "minimum": "100.00"}


@pytest.mark.parametrize(("count", "eligible"), [(1, False), (2, True), (6, True), (7, False)])
def test_instalment_count_limits(
    borrowers: dict[str, Borrower], policy: Policy, count: int, eligible: bool
) -> None:
    quote = quote_installments(borrowers["D-1001"], count=count, policy=policy, history=[], now=NOW)
    assert quote.eligible is eligible
    if not eligible:
        assert quote.reason == ReasonCode.INSTALLMENTS_OUT_OF_RANGE
        assert quote.reason_params["max"] == "6"


@pytest.mark.parametrize(("days", "eligible"), [(0, False), (1, True), (30, True), (31, False)])
def test_deferral_length_limits(
    borrowers: dict[str, Borrower], policy: Policy, days: int, eligible: bool
) -> None:
    quote = quote_deferral(borrowers["D-1001"], days=days, policy=policy, history=[], now=NOW)
    assert quote.eligible is eligible
    if not eligible:
        assert quote.reason == ReasonCode.DEFER_DAYS_OUT_OF_RANGE


def test_borrower_may_choose_first_date_within_seven_days(
    borrowers: dict[str, Borrower], policy: Policy
) -> None:
    d1001 = borrowers["D-1001"]
    ok = quote_installments(
        d1001, count=3, first_due=date(2025, 3, 12), policy=policy, history=[], now=NOW
    )
    assert [i.due for i in ok.schedule] == [date(2025, 3, 12), date(2025, 4, 12), date(2025, 5, 12)]
    late = quote_installments(
        d1001, count=3, first_due=date(2025, 3, 18), policy=policy, history=[], now=NOW
    )
    assert late.reason == ReasonCode.FIRST_DUE_OUT_OF_RANGE
    assert late.reason_params["latest"] == "2025-03-17"


async def test_accepted_quote_is_recorded_with_an_id_and_one_active_plan(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PlanStore(redis, clock)
    d1001 = borrowers["D-1001"]
    quote = quote_installments(d1001, count=6, policy=policy, history=[], now=NOW)

    plan = await store.record(quote)

    assert plan.plan_id.startswith("P-")
    assert len(plan.plan_id) == 10
    assert plan.status == "active"
    assert plan.created_at == NOW
    assert (await store.active("D-1001")) == plan
    assert (await store.history("D-1001"))[0].schedule == quote.schedule
    with pytest.raises(PlanError, match="already has active plan"):
        await store.record(quote)
    again = quote_installments(
        d1001, count=6, policy=policy, history=await store.history("D-1001"), now=NOW
    )
    assert again.reason == ReasonCode.PLAN_ALREADY_ACTIVE


async def test_out_of_policy_plan_needs_an_agents_approval(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PlanStore(redis, clock)
    quote = quote_installments(borrowers["D-1003"], count=6, policy=policy, history=[], now=NOW)
    with pytest.raises(PlanError, match="not eligible"):
        await store.record(quote)
    plan = await store.record(quote, approved_by="agent-7")
    assert plan.approved_by == "agent-7"
    assert plan.total == D("18600.00")


async def test_broken_plan_blocks_self_service_for_180_days(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PlanStore(redis, clock)
    d1001 = borrowers["D-1001"]
    first = await store.record(
        quote_installments(d1001, count=3, policy=policy, history=[], now=NOW)
    )
    clock.advance(timedelta(days=40))
    broken = await store.mark_broken("D-1001", first.plan_id)
    assert broken.status == "broken"
    assert await store.active("D-1001") is None

    clock.advance(timedelta(days=179))
    history = await store.history("D-1001")
    blocked = quote_installments(d1001, count=3, policy=policy, history=history, now=clock.now())
    assert blocked.reason == ReasonCode.BROKEN_PLAN_RECENTLY
    assert blocked.reason_params == {"broken_on": "2025-04-19", "days": "180"}

    clock.advance(timedelta(days=2))
    allowed = quote_installments(d1001, count=3, policy=policy, history=history, now=clock.now())
    assert allowed.eligible


async def test_deferral_only_once_in_twelve_months(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    store = PlanStore(redis, clock)
    d1001 = borrowers["D-1001"]
    deferral = await store.record(
        quote_deferral(d1001, days=30, policy=policy, history=[], now=NOW)
    )
    await store.mark_completed("D-1001", deferral.plan_id)

    clock.set(NOW + timedelta(days=200))
    history = await store.history("D-1001")
    again = quote_deferral(d1001, days=10, policy=policy, history=history, now=clock.now())
    assert again.reason == ReasonCode.DEFERRAL_USED_RECENTLY
    assert again.reason_params["next_on"] == "2026-03-10"
    # instalments remain available meanwhile
    assert quote_installments(
        d1001, count=2, policy=policy, history=history, now=clock.now()
    ).eligible

    clock.set(NOW.replace(year=2026) + timedelta(minutes=1))
    assert quote_deferral(d1001, days=10, policy=policy, history=history, now=clock.now()).eligible
