"""Who a Telegram user is: bindings to borrowers, failed attempts and lockouts, in Redis."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from actions.domain.clock import Clock
from actions.domain.redis_util import optional_text

_PREFIX = "repaybot:identity"


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

    async def bind(self, user_id: int, borrower_id: str) -> None:
        seconds = int(self.limits.binding_ttl.total_seconds())
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(self.binding_key(user_id), borrower_id, ex=seconds)
            pipe.delete(self._failures_key(user_id), self._lock_key(user_id))
            await pipe.execute()

    async def unbind(self, user_id: int) -> bool:
        return bool(await self._redis.delete(self.binding_key(user_id)))

    async def locked_until(self, user_id: int) -> datetime | None:
        raw = await self._redis.get(self._lock_key(user_id))
        if raw is None:
            return None
        until = datetime.fromtimestamp(float(raw), UTC)
        return until if until > self._clock.now() else None

    async def record_failure(self, user_id: int) -> FailureOutcome:
        """Count a failure in the sliding window; the last allowed one locks verification."""
        now = self._clock.now()
        stamp = now.timestamp()
        window = self.limits.failure_window.total_seconds()
        key = self._failures_key(user_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(key, "-inf", stamp - window)
            pipe.zadd(key, {f"{stamp:.6f}:{secrets.token_hex(4)}": stamp})
            pipe.zcard(key)
            pipe.expire(key, int(window) + 60)
            _, _, count, _ = await pipe.execute()
        if int(count) < self.limits.max_failures:
            return FailureOutcome(
                remaining=self.limits.max_failures - int(count), locked_until=None
            )
        until = now + self.limits.lockout
        # The key outlives the lock a little; `locked_until` compares with the clock.
        await self._redis.set(
            self._lock_key(user_id),
            str(until.timestamp()),
            ex=int(self.limits.lockout.total_seconds()) + 60,
        )
        await self._redis.delete(key)
        return FailureOutcome(remaining=0, locked_until=until)
