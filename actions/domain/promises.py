"""Promises to pay (and partial payments now, recorded as promises): validation and storage.

A promise is pinned to an exact date in the borrower's timezone, with a time when one was given.
A borrower may cancel an open promise, or change it: the changed promise is a new one that
`replaces` the old, which is cancelled in the same step; `policy.promise.max_changes` bounds
how often. Keys: ``{prefix}:promises:{<borrower_id>}`` hash promise_id → Promise JSON, no expiry.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from redis.asyncio import Redis

from actions.domain.clock import Clock
from actions.domain.hardship import pick_loan
from actions.domain.ids import new_id
from actions.domain.ledger import Borrower
from actions.domain.money import to_cents
from actions.domain.policy import Policy
from actions.domain.reasons import ReasonCode, Refusal
from actions.domain.redis_util import CAS_HSET

PromiseKind = Literal["promise", "partial"]
PromiseStatus = Literal["open", "kept", "broken", "cancelled"]


class PromiseError(ValueError):
    """The promise is outside the policy; `refusals` say why (amount first, then date)."""

    def __init__(self, refusals: list[Refusal]) -> None:
        super().__init__(", ".join(r.code for r in refusals))
        self.refusals = refusals


class Promise(BaseModel):
    promise_id: str
    borrower_id: str
    loan_id: str
    kind: PromiseKind
    currency: str
    amount: Decimal
    due_date: date
    due_time: time | None = None
    timezone: str
    status: PromiseStatus = "open"
    created_at: datetime
    closed_at: datetime | None = None
    replaces: str | None = None  # the promise this one changed
    changes: int = 0  # how often the first promise was changed to come to this one

    @property
    def due_at(self) -> datetime:
        """The promised moment in the borrower's timezone (end of day when no time was given)."""
        moment = self.due_time or time(23, 59, 59)
        return datetime.combine(self.due_date, moment, tzinfo=ZoneInfo(self.timezone))


def check_promise(
    *,
    amount: Decimal | None,
    due_date: date | None,
    due_time: time | None = None,
    overdue: Decimal,
    now: datetime,
    tz: ZoneInfo,
    policy: Policy,
    kind: PromiseKind = "promise",
) -> list[Refusal]:
    """What is missing or outside the limits; an empty list means the promise can be recorded.

    At most one amount reason and one date reason, amount first, so a dialog can ask for both.
    A partial payment ("now") defaults its date to the borrower's today.
    """
    refusals: list[Refusal] = []
    overdue = to_cents(overdue)
    if amount is None:
        refusals.append(Refusal(code=ReasonCode.AMOUNT_MISSING))
    else:
        amount = to_cents(amount)
        minimum = policy.partial_payment.min_amount
        if amount <= 0:
            refusals.append(
                Refusal(code=ReasonCode.AMOUNT_NOT_POSITIVE, params={"amount": str(amount)})
            )
        elif kind == "partial" and amount < minimum:
            refusals.append(
                Refusal(
                    code=ReasonCode.PARTIAL_BELOW_MINIMUM,
                    params={"amount": str(amount), "minimum": str(minimum)},
                )
            )
        elif amount > overdue:
            refusals.append(
                Refusal(
                    code=ReasonCode.AMOUNT_OVER_OVERDUE,
                    params={"amount": str(amount), "overdue": str(overdue)},
                )
            )
    local_now = now.astimezone(tz)
    today = local_now.date()
    if due_date is None and kind == "partial":
        due_date = today
    latest = today + timedelta(days=policy.promise.max_days_ahead)
    if due_date is None:
        refusals.append(Refusal(code=ReasonCode.DATE_MISSING))
    elif due_date < today or (
        due_date == today
        and due_time is not None
        and due_time <= local_now.time().replace(tzinfo=None)
    ):
        refusals.append(
            Refusal(code=ReasonCode.DATE_IN_PAST, params={"date": due_date.isoformat()})
        )
    elif due_date > latest:
        refusals.append(
            Refusal(
                code=ReasonCode.DATE_TOO_FAR,
                params={
                    "date": due_date.isoformat(),
                    "latest": latest.isoformat(),
                    "days": str(policy.promise.max_days_ahead),
                },
            )
        )
    return refusals


def not_open(promise_id: str) -> Refusal:
    return Refusal(code=ReasonCode.PROMISE_NOT_OPEN, params={"promise_id": promise_id})


def check_change(promise: Promise, policy: Policy) -> Refusal | None:
    """Why `promise` cannot be changed here (None: it can)."""
    if promise.status != "open":
        return not_open(promise.promise_id)
    if promise.changes >= policy.promise.max_changes:
        return Refusal(
            code=ReasonCode.PROMISE_CHANGE_LIMIT, params={"max": str(policy.promise.max_changes)}
        )
    return None


class PromiseStore:
    """Validates and records promises; lists them for "what did I agree to?"."""

    def __init__(self, redis: Redis, clock: Clock, *, prefix: str = "repaybot") -> None:
        self._redis = redis
        self._clock = clock
        self._prefix = prefix
        self._cas = redis.register_script(CAS_HSET)

    def _key(self, borrower_id: str) -> str:
        return f"{self._prefix}:promises:{{{borrower_id}}}"

    async def record(
        self,
        borrower: Borrower,
        *,
        amount: Decimal | None,
        due_date: date | None,
        policy: Policy,
        due_time: time | None = None,
        kind: PromiseKind = "promise",
        loan_id: str | None = None,
        replaces: str | None = None,
    ) -> Promise:
        """Check the promise against the policy and record it; raises `PromiseError`.

        With `replaces` (a promise id), the new promise changes that open promise, which is
        cancelled in the same write; if it cannot be changed (closed, changed meanwhile, or
        changed too often), the first refusal says why."""
        loan = pick_loan(borrower, loan_id)
        now = self._clock.now()
        refusals = check_promise(
            amount=amount,
            due_date=due_date,
            due_time=due_time,
            overdue=loan.overdue_total,
            now=now,
            tz=borrower.tz,
            policy=policy,
            kind=kind,
        )
        key = self._key(borrower.borrower_id)
        stored = await self._read(key, replaces) if replaces else None
        if replaces is not None:
            refusal = check_change(stored[1], policy) if stored else not_open(replaces)
            if refusal is not None:
                refusals.insert(0, refusal)
        if refusals or amount is None:
            raise PromiseError(refusals)
        promise = Promise(
            promise_id=new_id("R"),
            borrower_id=borrower.borrower_id,
            loan_id=loan.loan_id,
            kind=kind,
            currency=loan.currency,
            amount=to_cents(amount),
            due_date=due_date or now.astimezone(borrower.tz).date(),
            due_time=due_time,
            timezone=borrower.timezone,
            created_at=now,
            replaces=replaces,
            changes=stored[1].changes + 1 if stored else 0,
        )
        if stored is None:
            await self._redis.hset(key, promise.promise_id, promise.model_dump_json())
        elif await self._close(key, *stored, "cancelled", promise) is None:
            raise PromiseError([not_open(stored[1].promise_id)])  # changed meanwhile
        return promise

    async def history(self, borrower_id: str) -> list[Promise]:
        """All the borrower's promises, oldest first."""
        raw = await self._redis.hvals(self._key(borrower_id))
        return sorted((Promise.model_validate_json(x) for x in raw), key=lambda p: p.created_at)

    async def open_promises(self, borrower_id: str) -> list[Promise]:
        """Promises not yet kept, broken or cancelled, soonest due first."""
        promises = [p for p in await self.history(borrower_id) if p.status == "open"]
        return sorted(promises, key=lambda p: p.due_at)

    async def find_open(self, borrower_id: str, promise_id: str) -> Promise | None:
        """The borrower's open promise `promise_id` (None: unknown, another's, or closed)."""
        stored = await self._read(self._key(borrower_id), promise_id)
        return stored[1] if stored and stored[1].status == "open" else None

    async def cancel(self, borrower_id: str, promise_id: str) -> Promise | None:
        """Cancel the borrower's open promise `promise_id`; None if it is not open."""
        key = self._key(borrower_id)
        for _ in range(10):
            stored = await self._read(key, promise_id)
            if stored is None or stored[1].status != "open":
                return None
            if cancelled := await self._close(key, *stored, "cancelled"):
                return cancelled
        raise RuntimeError(f"promise {promise_id} keeps changing")  # pragma: no cover

    async def set_status(self, borrower_id: str, promise_id: str, status: PromiseStatus) -> Promise:
        """Close an open promise as kept, broken or cancelled; raises KeyError if unknown."""
        key = self._key(borrower_id)
        for _ in range(10):
            stored = await self._read(key, promise_id)
            if stored is None:
                raise KeyError(promise_id)
            if updated := await self._close(key, *stored, status):
                return updated
        raise RuntimeError(f"promise {promise_id} keeps changing")  # pragma: no cover

    async def _read(self, key: str, promise_id: str) -> tuple[bytes | str, Promise] | None:
        """The promise as stored (its JSON, to compare against) and as read."""
        raw = await self._redis.hget(key, promise_id)
        return None if raw is None else (raw, Promise.model_validate_json(raw))

    async def _close(
        self,
        key: str,
        raw: bytes | str,
        promise: Promise,
        status: PromiseStatus,
        successor: Promise | None = None,
    ) -> Promise | None:
        """`promise` closed with `status` (and `successor` written in the same step) if it is
        still stored as `raw`; None if it changed meanwhile."""
        closed = promise.model_copy(update={"status": status, "closed_at": self._clock.now()})
        args = [promise.promise_id, raw, closed.model_dump_json()]
        if successor is not None:
            args += [successor.promise_id, successor.model_dump_json()]
        return closed if await self._cas(keys=[key], args=args) else None
