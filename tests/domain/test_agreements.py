""" "What did I agree to?" shows the active plan, open promises and the upcoming callback."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from redis.asyncio import Redis

from actions.domain.agreements import current_agreements
from actions.domain.callbacks import CallbackStore
from actions.domain.clock import FixedClock
from actions.domain.hardship import quote_deferral
from actions.domain.ledger import Borrower
from actions.domain.plans import PlanStore
from actions.domain.policy import Policy
from actions.domain.promises import PromiseStore
from tests.domain.conftest import NOW


async def test_agreements_show_what_is_in_force(
    redis: Redis, borrowers: dict[str, Borrower], policy: Policy, clock: FixedClock
) -> None:
    plans = PlanStore(redis, clock)
    promises = PromiseStore(redis, clock)
    callbacks = CallbackStore(redis, clock, policy.callbacks)
    d1001 = borrowers["D-1001"]

    nothing = await current_agreements(
        "D-1001", plans=plans, promises=promises, callbacks=callbacks
    )
    assert nothing.empty

    plan = await plans.record(quote_deferral(d1001, days=14, policy=policy, history=[], now=NOW))
    promise = await promises.record(
        d1001, amount=Decimal("200"), due_date=date(2025, 3, 12), policy=policy
    )
    booking = await callbacks.book("D-1001", NOW + timedelta(days=1), d1001.tz)

    now_in_force = await current_agreements(
        "D-1001", plans=plans, promises=promises, callbacks=callbacks
    )
    assert now_in_force.plan == plan
    assert now_in_force.plan is not None
    assert now_in_force.plan.schedule[0].due == date(2025, 3, 24)
    assert now_in_force.promises == [promise]
    assert now_in_force.callbacks == [booking.callback]

    clock.advance(timedelta(days=2))  # the callback has taken place
    later = await current_agreements("D-1001", plans=plans, promises=promises, callbacks=callbacks)
    assert later.callbacks == []
    assert later.plan == plan
