"""A verified borrower's account: the binding and the records, read in one call, and nothing at
all for a user who is not bound to the borrower they claim."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from redis.asyncio import Redis

from actions.domain.accounts import AccountReader
from actions.domain.clock import FixedClock
from actions.domain.hardship import quote_deferral
from actions.domain.identity import IdentityStore, VerificationLimits
from actions.domain.ledger import Borrower, FileLedger
from actions.domain.plans import PlanStore
from actions.domain.policy import Policy
from actions.domain.tickets import TicketStore
from tests.domain.conftest import NOW

USER = 7101


@pytest.fixture
def identity(redis: Redis, clock: FixedClock) -> IdentityStore:
    return IdentityStore(redis, clock, VerificationLimits())


@pytest.fixture
def plans(redis: Redis, clock: FixedClock) -> PlanStore:
    return PlanStore(redis, clock)


@pytest.fixture
def reader(redis: Redis, ledger: FileLedger, plans: PlanStore) -> AccountReader:
    return AccountReader(redis, ledger, plans)


async def test_a_bound_borrower_comes_with_holds_and_plan_history(
    reader: AccountReader,
    identity: IdentityStore,
    plans: PlanStore,
    redis: Redis,
    clock: FixedClock,
    borrowers: dict[str, Borrower],
    policy: Policy,
) -> None:
    await identity.bind(USER, "D-1001")
    older = await plans.record(
        quote_deferral(borrowers["D-1001"], days=14, policy=policy, history=[], now=NOW)
    )
    await plans.mark_completed("D-1001", older.plan_id)
    clock.advance(timedelta(days=40))
    newer = await plans.record(
        quote_deferral(borrowers["D-1001"], days=7, policy=policy, history=[], now=NOW)
    )
    await TicketStore(redis, clock).put_on_hold("L-1001", "T-HOLD01")

    account = await reader.verified(USER, "D-1001")

    assert account is not None
    assert account.borrower.borrower_id == "D-1001"
    assert account.hold("L-1001") == "T-HOLD01"
    assert [plan.plan_id for plan in account.history] == [older.plan_id, newer.plan_id]
    assert [plan.status for plan in account.history] == ["completed", "active"]


async def test_a_borrower_with_no_records_has_none(
    reader: AccountReader, identity: IdentityStore
) -> None:
    await identity.bind(USER, "D-1002")
    account = await reader.verified(USER, "D-1002")
    assert account is not None
    assert (dict(account.holds), account.history) == ({}, [])
    assert account.hold("L-1002") is None


@pytest.mark.parametrize(
    ("bound", "claimed"),
    [
        (None, "D-1001"),  # never verified
        ("D-1002", "D-1001"),  # verified as someone else
        ("D-1001", None),  # no claim
        ("D-1001", ""),
        ("D-1001", ["D-1001"]),  # a forged slot of another type
        ("D-1001", "D-9999"),  # not in the ledger
    ],
)
async def test_no_account_unless_bound_to_the_borrower_claimed(
    reader: AccountReader,
    identity: IdentityStore,
    redis: Redis,
    clock: FixedClock,
    bound: str | None,
    claimed: Any,
) -> None:
    if bound is not None:
        await identity.bind(USER, bound)
    await TicketStore(redis, clock).put_on_hold("L-1001", "T-HOLD01")
    assert await reader.verified(USER, claimed) is None


async def test_an_expired_binding_is_no_longer_verified(
    reader: AccountReader, identity: IdentityStore, redis: Redis
) -> None:
    await identity.bind(USER, "D-1001")
    assert await reader.verified(USER, "D-1001") is not None
    await redis.delete(IdentityStore.binding_key(USER))  # what the binding's TTL does
    assert await reader.verified(USER, "D-1001") is None
