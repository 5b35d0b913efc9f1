"""Callbacks: slots in the borrower's timezone, and atomic booking in Redis.

Slots are `slot_minutes` long, on the policy's weekdays between `open` and `close` (the last slot
ends at `close`), from now up to `max_days_ahead` days ahead. A slot is identified by its start
instant, so borrowers in different timezones share agents' capacity.

Booking, cancelling and rebooking each run as one Lua script: a slot never holds more than
`capacity` callbacks and a borrower never more than `max_upcoming_per_borrower` upcoming ones,
however many workers book at once. All keys share the hash tag ``{cb}`` (one Cluster slot):
``{prefix}:{cb}:slot:<epoch>`` booked count (expires a day after the slot),
``{prefix}:{cb}:upcoming:<borrower_id>`` sorted set callback_id → start epoch,
``{prefix}:{cb}:records:<borrower_id>`` hash callback_id → Callback JSON (no expiry).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field
from redis.asyncio import Redis

from actions.domain.clock import Clock
from actions.domain.ids import new_id
from actions.domain.policy import CallbackPolicy
from actions.domain.reasons import ReasonCode, Refusal
from actions.domain.redis_util import text

CallbackStatus = Literal["booked", "cancelled"]


class Slot(BaseModel):
    start: datetime
    end: datetime
    remaining: int


class Callback(BaseModel):
    callback_id: str
    borrower_id: str
    start: datetime
    """Aware, in the borrower's timezone."""
    end: datetime
    timezone: str
    status: CallbackStatus = "booked"
    created_at: datetime
    cancelled_at: datetime | None = None
    replaces: str | None = None
    """The callback this one replaced when it was rebooked."""


class Booking(BaseModel):
    """The outcome of `book`/`rebook`: the callback, or a reason and nearby free slots."""

    ok: bool
    callback: Callback | None = None
    reason: ReasonCode | None = None
    reason_params: dict[str, str] = Field(default_factory=dict)
    alternatives: list[Slot] = Field(default_factory=list)


# -- pure slot arithmetic ---------------------------------------------------------------------


def _day_slots(day: date, tz: ZoneInfo, policy: CallbackPolicy) -> Iterator[datetime]:
    if day.weekday() not in policy.weekday_numbers:
        return
    step = timedelta(minutes=policy.slot_minutes)
    start = datetime.combine(day, policy.open, tzinfo=tz)
    close = datetime.combine(day, policy.close, tzinfo=tz)
    while start + step <= close:
        yield start
        start += step


def bookable_slots(now: datetime, tz: ZoneInfo, policy: CallbackPolicy) -> list[datetime]:
    """Every slot start after `now` and at most `max_days_ahead` days ahead, in order."""
    local_now = now.astimezone(tz)
    horizon = local_now + timedelta(days=policy.max_days_ahead)
    slots: list[datetime] = []
    for offset in range(policy.max_days_ahead + 1):
        day = local_now.date() + timedelta(days=offset)
        slots.extend(s for s in _day_slots(day, tz, policy) if local_now < s <= horizon)
    return slots


def calling_day_moment(moment: datetime, policy: CallbackPolicy) -> datetime:
    """`moment` on a day the team calls; on another day, the same time on the next day that
    does (asked for Sunday afternoon, Monday afternoon is nearer the borrower's wish than
    Saturday evening)."""
    day = moment.date()
    while day.weekday() not in policy.weekday_numbers:  # the policy has at least one day
        day += timedelta(days=1)
    return datetime.combine(day, moment.timetz())


def check_slot(
    start: datetime, *, now: datetime, tz: ZoneInfo, policy: CallbackPolicy
) -> Refusal | None:
    """Why `start` cannot be booked (naive = borrower-local), or None when it is a valid slot."""
    local = start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
    local_now = now.astimezone(tz)
    if local <= local_now:
        return Refusal(code=ReasonCode.CALLBACK_IN_PAST, params={"start": local.isoformat()})
    if local > local_now + timedelta(days=policy.max_days_ahead):
        return Refusal(
            code=ReasonCode.CALLBACK_TOO_FAR,
            params={"start": local.isoformat(), "days": str(policy.max_days_ahead)},
        )
    hours = {
        "open": policy.open.strftime("%H:%M"),
        "close": policy.close.strftime("%H:%M"),
        "weekdays": ",".join(policy.weekdays),
    }
    end = local + timedelta(minutes=policy.slot_minutes)
    if (
        local.weekday() not in policy.weekday_numbers
        or local.time().replace(tzinfo=None) < policy.open
        or end.date() != local.date()
        or end.time().replace(tzinfo=None) > policy.close
    ):
        return Refusal(code=ReasonCode.CALLBACK_OUTSIDE_HOURS, params=hours)
    if local not in set(_day_slots(local.date(), tz, policy)):
        return Refusal(
            code=ReasonCode.CALLBACK_NOT_ON_SLOT, params={"minutes": str(policy.slot_minutes)}
        )
    return None


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


# -- Lua scripts --------------------------------------------------------------------------------

# KEYS slot, upcoming, records; ARGV capacity, max_upcoming, now, start, id, json, ttl.
_BOOK = """
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
if #redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[4], ARGV[4]) > 0 then return 'already_booked' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 'already_booked' end
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return 'slot_full' end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[7])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
return 'ok'
"""

# KEYS old slot, upcoming, records; ARGV id, now, cancelled json.
_CANCEL = """
local start = redis.call('ZSCORE', KEYS[2], ARGV[1])
if (not start) or tonumber(start) <= tonumber(ARGV[2]) then return 'not_found' end
redis.call('ZREM', KEYS[2], ARGV[1])
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return 'ok'
"""

# KEYS old slot, new slot, upcoming, records;
# ARGV old id, now, old cancelled json, capacity, new start, new id, new json, new slot ttl.
_REBOOK = """
local start = redis.call('ZSCORE', KEYS[3], ARGV[1])
if (not start) or tonumber(start) <= tonumber(ARGV[2]) then return 'not_found' end
if #redis.call('ZRANGEBYSCORE', KEYS[3], ARGV[5], ARGV[5]) > 0 then return 'already_booked' end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then return 'slot_full' end
redis.call('ZREM', KEYS[3], ARGV[1])
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[8])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
redis.call('HSET', KEYS[4], ARGV[6], ARGV[7])
return 'ok'
"""


class CallbackStore:
    """Offers free slots and books, cancels and rebooks callbacks atomically."""

    def __init__(
        self,
        redis: Redis,
        clock: Clock,
        policy: CallbackPolicy,
        *,
        prefix: str = "repaybot",
    ) -> None:
        self._redis = redis
        self._clock = clock
        self._policy = policy
        self._prefix = f"{prefix}:{{cb}}"
        self._book = redis.register_script(_BOOK)
        self._cancel = redis.register_script(_CANCEL)
        self._rebook = redis.register_script(_REBOOK)

    def _slot_key(self, start: datetime) -> str:
        return f"{self._prefix}:slot:{_epoch(start)}"

    def _upcoming_key(self, borrower_id: str) -> str:
        return f"{self._prefix}:upcoming:{borrower_id}"

    def _records_key(self, borrower_id: str) -> str:
        return f"{self._prefix}:records:{borrower_id}"

    def _ttl(self, start: datetime, now: datetime) -> int:
        # Relative to our clock (not Redis's), so a counter lives until a day after its slot.
        end = start + timedelta(minutes=self._policy.slot_minutes) + timedelta(days=1)
        return max(1, int((end - now).total_seconds()))

    async def free_slots(
        self, tz: ZoneInfo, *, limit: int = 5, near: datetime | None = None
    ) -> list[Slot]:
        """Up to `limit` slots with room, in time order: the next ones from now, or those
        nearest to `near` (naive = borrower-local) when the borrower asked for a time; asked
        for a day the team does not call, those nearest the next day it does."""
        starts = bookable_slots(self._clock.now(), tz, self._policy)
        if not starts:
            return []
        counts = await self._redis.mget([self._slot_key(s) for s in starts])
        step = timedelta(minutes=self._policy.slot_minutes)
        slots = [
            Slot(start=s, end=s + step, remaining=self._policy.capacity - int(c or 0))
            for s, c in zip(starts, counts, strict=True)
        ]
        slots = [s for s in slots if s.remaining > 0]
        if near is not None:
            target = near.replace(tzinfo=tz) if near.tzinfo is None else near.astimezone(tz)
            target = calling_day_moment(target, self._policy)
            slots = sorted(slots, key=lambda s: (abs(s.start - target), s.start))[:limit]
            return sorted(slots, key=lambda s: s.start)
        return slots[:limit]

    async def book(self, borrower_id: str, start: datetime, tz: ZoneInfo) -> Booking:
        """Book the slot starting at `start` (naive = borrower-local) for the borrower."""
        start = start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
        now = self._clock.now()
        refusal = check_slot(start, now=now, tz=tz, policy=self._policy)
        if refusal is not None:
            return await self._refused(refusal, tz, start)
        callback = self._new(borrower_id, start, tz, now)
        result = await self._book(
            keys=[
                self._slot_key(start),
                self._upcoming_key(borrower_id),
                self._records_key(borrower_id),
            ],
            args=[
                self._policy.capacity,
                self._policy.max_upcoming_per_borrower,
                _epoch(now),
                _epoch(start),
                callback.callback_id,
                callback.model_dump_json(),
                self._ttl(start, now),
            ],
        )
        return await self._outcome(text(result), callback, borrower_id, tz, start)

    async def cancel(self, borrower_id: str, callback_id: str | None = None) -> Callback | None:
        """Cancel an upcoming callback (the soonest one when no id is given); None if none."""
        for _ in range(10):
            current = await self._find_upcoming(borrower_id, callback_id)
            if current is None:
                return None
            cancelled = current.model_copy(
                update={"status": "cancelled", "cancelled_at": self._clock.now()}
            )
            result = await self._cancel(
                keys=[
                    self._slot_key(current.start),
                    self._upcoming_key(borrower_id),
                    self._records_key(borrower_id),
                ],
                args=[current.callback_id, _epoch(self._clock.now()), cancelled.model_dump_json()],
            )
            if text(result) == "ok":
                return cancelled
        return None  # pragma: no cover

    async def rebook(
        self,
        borrower_id: str,
        start: datetime,
        tz: ZoneInfo,
        callback_id: str | None = None,
    ) -> Booking:
        """Move an upcoming callback to `start` in one step: on failure the old one stays."""
        start = start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
        now = self._clock.now()
        current = await self._find_upcoming(borrower_id, callback_id)
        if current is None:
            return await self.book(borrower_id, start, tz)
        if current.start == start:
            return Booking(ok=True, callback=current)
        refusal = check_slot(start, now=now, tz=tz, policy=self._policy)
        if refusal is not None:
            return await self._refused(refusal, tz, start)
        cancelled = current.model_copy(update={"status": "cancelled", "cancelled_at": now})
        callback = self._new(borrower_id, start, tz, now, replaces=current.callback_id)
        result = await self._rebook(
            keys=[
                self._slot_key(current.start),
                self._slot_key(start),
                self._upcoming_key(borrower_id),
                self._records_key(borrower_id),
            ],
            args=[
                current.callback_id,
                _epoch(now),
                cancelled.model_dump_json(),
                self._policy.capacity,
                _epoch(start),
                callback.callback_id,
                callback.model_dump_json(),
                self._ttl(start, now),
            ],
        )
        if text(result) == "not_found":  # it passed or was cancelled meanwhile: book afresh
            return await self.book(borrower_id, start, tz)
        return await self._outcome(text(result), callback, borrower_id, tz, start)

    async def upcoming(self, borrower_id: str) -> list[Callback]:
        """The borrower's booked callbacks still to come, soonest first."""
        now = _epoch(self._clock.now())
        found = await self._redis.zrangebyscore(self._upcoming_key(borrower_id), f"({now}", "+inf")
        ids = [text(item) for item in found]
        if not ids:
            return []
        raw = await self._redis.hmget(self._records_key(borrower_id), ids)
        return [Callback.model_validate_json(r) for r in raw if r is not None]

    async def history(self, borrower_id: str) -> list[Callback]:
        """Every callback the borrower booked (including cancelled and past), oldest first."""
        raw = await self._redis.hvals(self._records_key(borrower_id))
        return sorted((Callback.model_validate_json(r) for r in raw), key=lambda c: c.created_at)

    async def _find_upcoming(self, borrower_id: str, callback_id: str | None) -> Callback | None:
        for callback in await self.upcoming(borrower_id):
            if callback_id is None or callback.callback_id == callback_id:
                return callback
        return None

    def _new(
        self,
        borrower_id: str,
        start: datetime,
        tz: ZoneInfo,
        now: datetime,
        replaces: str | None = None,
    ) -> Callback:
        return Callback(
            callback_id=new_id("C"),
            borrower_id=borrower_id,
            start=start,
            end=start + timedelta(minutes=self._policy.slot_minutes),
            timezone=str(tz),
            created_at=now,
            replaces=replaces,
        )

    async def _refused(self, refusal: Refusal, tz: ZoneInfo, near: datetime) -> Booking:
        return Booking(
            ok=False,
            reason=refusal.code,
            reason_params=refusal.params,
            alternatives=await self.free_slots(tz, near=near),
        )

    async def _outcome(
        self, result: str, callback: Callback, borrower_id: str, tz: ZoneInfo, start: datetime
    ) -> Booking:
        if result == "ok":
            return Booking(ok=True, callback=callback)
        if result == "slot_full":
            return await self._refused(
                Refusal(code=ReasonCode.SLOT_FULL, params={"start": start.isoformat()}), tz, start
            )
        existing = await self.upcoming(borrower_id)
        params = {"start": existing[0].start.isoformat()} if existing else {}
        return Booking(ok=False, reason=ReasonCode.CALLBACK_ALREADY_BOOKED, reason_params=params)
