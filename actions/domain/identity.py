"""Who a Telegram user is: bindings to borrowers, failed attempts and lockouts, in Redis."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from redis.asyncio import Redis

from actions.domain.clock import Clock
from actions.domain.redis_util import optional_text, text

_PREFIX = "repaybot:identity"

# A lock holds while its end (epoch seconds, KEYS[1]) is after now (ARGV[1]).
_LOCKED = """
local lock_end = redis.call('GET', KEYS[1])
local locked = lock_end and tonumber(lock_end) > tonumber(ARGV[1])
"""
# KEYS[2] the binding, KEYS[3] the failures; ARGV[2] the borrower, ARGV[3] the binding's TTL.
# The lock's end while locked (nothing written), else false once bound.
_BIND = (
    _LOCKED
    + """
if locked then return lock_end end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('DEL', KEYS[3], KEYS[1])
return false
"""
)
# KEYS[2] the failures (a sorted set of attempts). ARGV[2] the window's start, ARGV[3] this
# attempt, ARGV[4] the set's TTL, ARGV[5] the failures allowed, ARGV[6] the end of a new lock,
# ARGV[7] its key's TTL. {tries remaining, the lock's end (false while unlocked)}.
_FAIL = (
    _LOCKED
    + """
if locked then return {0, lock_end} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[3])
local count = redis.call('ZCARD', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[4])
if count < tonumber(ARGV[5]) then return {tonumber(ARGV[5]) - count, false} end
redis.call('SET', KEYS[1], ARGV[6], 'EX', ARGV[7])
redis.call('DEL', KEYS[2])
return {0, ARGV[6]}
"""
)


@dataclass(frozen=True)
class VerificationLimits:
    max_failures: int = 5
    failure_window: timedelta = timedelta(hours=1)
    lockout: timedelta = timedelta(minutes=30)
    binding_ttl: timedelta = timedelta(days=30)


@dataclass(frozen=True)
class FailureOutcome:
    """After a failed attempt: how many tries remain, or until when verification is locked."""

    remaining: int
    locked_until: datetime | None


class IdentityStore:
    """Bindings (Telegram user → borrower, with a TTL) and the brute-force guard."""

    def __init__(self, redis: Redis, clock: Clock, limits: VerificationLimits) -> None:
        self._redis = redis
        self._clock = clock
        self.limits = limits
        self._bind = redis.register_script(_BIND)
        self._fail = redis.register_script(_FAIL)

    @staticmethod
    def binding_key(user_id: int) -> str:
        return f"{_PREFIX}:binding:{user_id}"

    @staticmethod
    def _failures_key(user_id: int) -> str:
        return f"{_PREFIX}:failures:{user_id}"

    @staticmethod
    def _lock_key(user_id: int) -> str:
        return f"{_PREFIX}:lock:{user_id}"

    async def bound_borrower(self, user_id: int) -> str | None:
        return optional_text(await self._redis.get(self.binding_key(user_id)))

    async def bind(self, user_id: int, borrower_id: str) -> datetime | None:
        """Bind the user to the borrower and clear their failures, unless verification is locked
        right now: then nothing is written and the lock's end is returned. Checked and written
        in one call, so a lock set meanwhile is never bypassed."""
        until = await self._bind(
            keys=[self._lock_key(user_id), self.binding_key(user_id), self._failures_key(user_id)],
            args=[
                self._clock.now().timestamp(),
                borrower_id,
                int(self.limits.binding_ttl.total_seconds()),
            ],
        )
        return None if until is None else _instant(until)

    async def unbind(self, user_id: int) -> bool:
        return bool(await self._redis.delete(self.binding_key(user_id)))

    async def locked_until(self, user_id: int) -> datetime | None:
        raw = await self._redis.get(self._lock_key(user_id))
        if raw is None:
            return None
        until = _instant(raw)
        return until if until > self._clock.now() else None

    async def record_failure(self, user_id: int) -> FailureOutcome:
        """Count a failure in the sliding window; the last allowed one locks verification.
        While verification is locked nothing is counted: the lock's end is returned."""
        now = self._clock.now()
        stamp = now.timestamp()
        window = self.limits.failure_window.total_seconds()
        lockout = self.limits.lockout.total_seconds()
        remaining, until = await self._fail(
            keys=[self._lock_key(user_id), self._failures_key(user_id)],
            args=[
                stamp,
                stamp - window,
                f"{stamp:.6f}:{secrets.token_hex(4)}",
                int(window) + 60,
                self.limits.max_failures,
                str(stamp + lockout),
                # The key outlives the lock a little; the lock's end is compared with the clock.
                int(lockout) + 60,
            ],
        )
        return FailureOutcome(
            remaining=int(remaining), locked_until=None if until is None else _instant(until)
        )


def _instant(stamp: Any) -> datetime:
    return datetime.fromtimestamp(float(text(stamp)), UTC)
