"""Recorded hardship plans, kept in Redis without expiry (they are business records).

Keys (one Redis Cluster hash slot per borrower):
``{prefix}:plans:{<borrower_id>}`` hash plan_id → Plan JSON, and
``{prefix}:plan-active:{<borrower_id>}`` the id of the borrower's one active plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel
from redis.asyncio import Redis

from actions.domain.clock import Clock
from actions.domain.hardship import PlanKind, Quote
from actions.domain.ids import new_id
from actions.domain.redis_util import text
from actions.domain.schedule import Instalment

PlanStatus = Literal["active", "broken", "completed"]


class PlanError(ValueError):
    """A plan cannot be recorded or changed (not eligible, already active, unknown id)."""


class Plan(BaseModel):
    """An agreed plan: the quote's exact schedule plus who agreed when, and its status."""

    plan_id: str
    borrower_id: str
    loan_id: str
    kind: PlanKind
    currency: str
    amount: Decimal
    installments: int | None = None
    defer_days: int | None = None
    schedule: list[Instalment]
    total: Decimal
    frozen_fees: bool
    status: PlanStatus = "active"
    created_at: datetime
    broken_at: datetime | None = None
    completed_at: datetime | None = None
    approved_by: str | None = None
    """Agent id when an agent approved a plan outside the self-service policy."""


# KEYS[1] plans hash, KEYS[2] active pointer; ARGV plan_id, plan JSON.
_CREATE = """
local active = redis.call('GET', KEYS[2])
if active then return {0, active} end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return {-1, ARGV[1]} end
redis.call('SET', KEYS[2], ARGV[1])
return {1, ARGV[1]}
"""

# KEYS[1] plans hash, KEYS[2] active pointer; ARGV plan_id, expected JSON, new JSON.
_CLOSE = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if (current or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
"""


def plans_from(raw: Iterable[bytes | str]) -> list[Plan]:
    """The plans of a history hash's values, oldest first."""
    return sorted((Plan.model_validate_json(item) for item in raw), key=lambda p: p.created_at)


class PlanStore:
    """Records plans; at most one active plan per borrower, enforced atomically."""

    def __init__(self, redis: Redis, clock: Clock, *, prefix: str = "repaybot") -> None:
        self._redis = redis
        self._clock = clock
        self._prefix = prefix
        self._create = redis.register_script(_CREATE)
        self._close = redis.register_script(_CLOSE)

    def _keys(self, borrower_id: str) -> list[str]:
        return [
            f"{self._prefix}:plans:{{{borrower_id}}}",
            f"{self._prefix}:plan-active:{{{borrower_id}}}",
        ]

    async def record(self, quote: Quote, *, approved_by: str | None = None) -> Plan:
        """Record an accepted quote as the borrower's active plan, with a new `P-XXXXXXXX` id.

        Raises `PlanError` when the quote is not eligible (unless an agent `approved_by` it),
        has no schedule, or the borrower already has an active plan.
        """
        if not quote.eligible and approved_by is None:
            raise PlanError(f"quote not eligible ({quote.reason}); needs an agent's approval")
        if not quote.schedule:
            raise PlanError("quote has no schedule")
        for _ in range(5):
            plan = Plan(
                plan_id=new_id("P"),
                borrower_id=quote.borrower_id,
                loan_id=quote.loan_id,
                kind=quote.kind,
                currency=quote.currency,
                amount=quote.amount,
                installments=quote.installments,
                defer_days=quote.defer_days,
                schedule=quote.schedule,
                total=quote.total,
                frozen_fees=quote.frozen_fees,
                created_at=self._clock.now(),
                approved_by=approved_by,
            )
            done, plan_id = await self._create(
                keys=self._keys(quote.borrower_id), args=[plan.plan_id, plan.model_dump_json()]
            )
            if int(done) == 1:
                return plan
            if int(done) == 0:
                raise PlanError(f"{quote.borrower_id} already has active plan {text(plan_id)}")
        raise PlanError("could not allocate a plan id")  # pragma: no cover

    async def get(self, borrower_id: str, plan_id: str) -> Plan | None:
        raw = await self._redis.hget(self._keys(borrower_id)[0], plan_id)
        return None if raw is None else Plan.model_validate_json(raw)

    def history_key(self, borrower_id: str) -> str:
        """The hash of every plan the borrower has had, by plan id."""
        return self._keys(borrower_id)[0]

    async def history(self, borrower_id: str) -> list[Plan]:
        """Every plan the borrower has had, oldest first."""
        return plans_from(await self._redis.hvals(self.history_key(borrower_id)))

    async def active(self, borrower_id: str) -> Plan | None:
        plan_id = await self._redis.get(self._keys(borrower_id)[1])
        return None if plan_id is None else await self.get(borrower_id, text(plan_id))

    async def mark_broken(self, borrower_id: str, plan_id: str) -> Plan:
        """The borrower missed an instalment: the plan ends and counts against self-service."""
        return await self._finish(borrower_id, plan_id, "broken")

    async def mark_completed(self, borrower_id: str, plan_id: str) -> Plan:
        return await self._finish(borrower_id, plan_id, "completed")

    async def _finish(self, borrower_id: str, plan_id: str, status: PlanStatus) -> Plan:
        keys = self._keys(borrower_id)
        for _ in range(10):
            raw = await self._redis.hget(keys[0], plan_id)
            if raw is None:
                raise PlanError(f"{borrower_id} has no plan {plan_id}")
            plan = Plan.model_validate_json(raw)
            if plan.status != "active":
                raise PlanError(f"plan {plan_id} is already {plan.status}")
            now = self._clock.now()
            changes: dict[str, object] = {"status": status}
            changes["broken_at" if status == "broken" else "completed_at"] = now
            updated = plan.model_copy(update=changes)
            if await self._close(keys=keys, args=[plan_id, raw, updated.model_dump_json()]):
                return updated
        raise PlanError(f"plan {plan_id} keeps changing; try again")  # pragma: no cover
