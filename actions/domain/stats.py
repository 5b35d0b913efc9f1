"""Daily figures for operations: conversations, handoffs, plans, promises, callbacks.

Counted per local day (the lender's timezone). Distinct chats are HyperLogLogs, so a chat that
writes fifty times counts once; named counters are one hash per day. Every key lives ~400 days.

Keys: ``repaybot:stats:<YYYY-MM-DD>:chats`` and ``...:handoff-chats`` (PFADD),
``repaybot:stats:<YYYY-MM-DD>`` hash of counters (``plans``, ``handoffs:<reason>``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from actions.domain.clock import Clock
from actions.domain.redis_util import text

PREFIX = "repaybot:stats"
TTL_SECONDS = 400 * 24 * 3600
HANDOFF_PREFIX = "handoffs:"

# A Lua function, also run by the script that creates a ticket. K: today's chats, today's
# handed-over chats, today's counters. A: chat id, counter, TTL.
RECORD_HANDOFF_LUA = """
local function record_handoff(K, A)
  redis.call('PFADD', K[1], A[1])
  redis.call('PFADD', K[2], A[1])
  redis.call('HINCRBY', K[3], A[2], 1)
  for i = 1, 3 do redis.call('EXPIRE', K[i], A[3]) end
end
"""
_RECORD_HANDOFF = RECORD_HANDOFF_LUA + "record_handoff(KEYS, ARGV)\n"


@dataclass(frozen=True)
class HandoffCount:
    """One handoff in today's figures: the keys and arguments of `record_handoff`."""

    keys: list[str]
    args: list[str | int]


@dataclass(frozen=True)
class DayFigures:
    """One local day. `bot_only`: conversations no person had to take over."""

    day: date
    conversations: int = 0
    handoff_chats: int = 0
    plans: int = 0
    promises: int = 0
    callbacks: int = 0
    handoffs: dict[str, int] = field(default_factory=dict)

    @property
    def bot_only(self) -> int:
        return max(0, self.conversations - self.handoff_chats)

    @property
    def handoffs_total(self) -> int:
        return sum(self.handoffs.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "conversations": self.conversations,
            "bot_only": self.bot_only,
            "handoff_chats": self.handoff_chats,
            "handoffs": self.handoffs_total,
            "handoffs_by_reason": dict(sorted(self.handoffs.items())),
            "plans": self.plans,
            "promises": self.promises,
            "callbacks": self.callbacks,
        }


class DailyStats:
    """Records and reads the day's figures; `clock` and `tz` decide which day it is."""

    def __init__(self, redis: Redis, clock: Clock, tz: ZoneInfo) -> None:
        self._redis = redis
        self._clock = clock
        self._tz = tz
        self._record_handoff = redis.register_script(_RECORD_HANDOFF)

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def today(self) -> date:
        return self._clock.now().astimezone(self._tz).date()

    @staticmethod
    def _key(day: date, part: str = "") -> str:
        return f"{PREFIX}:{day.isoformat()}{':' + part if part else ''}"

    async def record_conversation(self, chat_id: int) -> None:
        """A chat wrote to the bot today (counted once per chat and day)."""
        key = self.conversations_key()
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.pfadd(key, str(chat_id))
            pipe.expire(key, TTL_SECONDS)
            await pipe.execute()

    def conversations_key(self) -> str:
        """Today's set of chats (a HyperLogLog, kept `TTL_SECONDS`)."""
        return self._key(self.today(), "chats")

    def handoff_count(self, chat_id: int, reason: str) -> HandoffCount:
        """What `record_handoff` writes, for a caller that writes it in its own script."""
        day = self.today()
        return HandoffCount(
            keys=[self._key(day, part) for part in ("chats", "handoff-chats", "")],
            args=[chat_id, HANDOFF_PREFIX + reason, TTL_SECONDS],
        )

    async def record_handoff(self, chat_id: int, reason: str) -> None:
        """A chat was handed to a person: counts the reason and the chat (once per day)."""
        count = self.handoff_count(chat_id, reason)
        await self._record_handoff(keys=count.keys, args=count.args)

    async def incr(self, name: str, amount: int = 1) -> None:
        """Counts `plans`, `promises`, `callbacks` (or `handoffs:<reason>`) for today."""
        key = self._key(self.today())
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hincrby(key, name, amount)
            pipe.expire(key, TTL_SECONDS)
            await pipe.execute()

    async def day(self, day: date) -> DayFigures:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.pfcount(self._key(day, "chats"))
            pipe.pfcount(self._key(day, "handoff-chats"))
            pipe.hgetall(self._key(day))
            chats, handoff_chats, raw = await pipe.execute()
        counters = {text(k): int(v) for k, v in raw.items()}
        return DayFigures(
            day=day,
            conversations=int(chats),
            handoff_chats=int(handoff_chats),
            handoffs={
                name.removeprefix(HANDOFF_PREFIX): n
                for name, n in counters.items()
                if name.startswith(HANDOFF_PREFIX)
            },
            plans=counters.get("plans", 0),
            promises=counters.get("promises", 0),
            callbacks=counters.get("callbacks", 0),
        )

    async def days(self, last_n: int = 7) -> list[DayFigures]:
        """The last `last_n` days, today first."""
        today = self.today()
        return [await self.day(today - timedelta(days=offset)) for offset in range(last_n)]
