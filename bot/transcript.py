"""Every message in and out of a conversation, appended to a Redis Stream per chat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, cast

from redis.asyncio import Redis

from actions.domain.masking import mask_text
from actions.domain.redis_util import text as reply_text
from bot.write_batch import WriteBatch

Direction = Literal["in", "out"]
_Raw = tuple[bytes | str, dict[bytes | str, bytes | str]]
_PREFIX = "repaybot:transcript"
MASKED = "[masked]"


@dataclass(frozen=True)
class TranscriptEntry:
    entry_id: str
    at: datetime
    direction: Direction
    kind: str
    text: str


class TranscriptStore:
    """Append-only; kept `ttl_days` after the last message (an audit record, not a cache)."""

    def __init__(self, redis: Redis, ttl_days: int = 400, max_entries: int = 10_000) -> None:
        self._redis = redis
        self._ttl = ttl_days * 24 * 3600
        self._max = max_entries

    @staticmethod
    def key(chat_id: int) -> str:
        return f"{_PREFIX}:{chat_id}"

    async def append(
        self,
        chat_id: int,
        direction: Direction,
        text: str,
        kind: str = "text",
        *,
        sensitive: bool = False,
        at: datetime | None = None,
    ) -> None:
        """Stores `text` with numbers masked, or not at all when it is `sensitive`."""
        batch = WriteBatch(self._redis)
        self.queue_append(batch, chat_id, direction, text, kind, sensitive=sensitive, at=at)
        await batch.execute()

    @property
    def max_entries(self) -> int:
        return self._max

    @property
    def ttl_seconds(self) -> int:
        return self._ttl

    @staticmethod
    def fields(
        direction: Direction,
        text: str,
        kind: str = "text",
        *,
        sensitive: bool = False,
        at: datetime | None = None,
    ) -> dict[str, str]:
        """One stream entry: numbers masked, a `sensitive` text not stored at all."""
        return {
            "at": (at or datetime.now(UTC)).isoformat(),
            "dir": direction,
            "kind": kind,
            "text": MASKED if sensitive else mask_text(text),
        }

    def queue_append(
        self,
        batch: WriteBatch,
        chat_id: int,
        direction: Direction,
        text: str,
        kind: str = "text",
        *,
        sensitive: bool = False,
        at: datetime | None = None,
    ) -> None:
        """`append` as commands in the caller's batch (two commands)."""
        fields = self.fields(direction, text, kind, sensitive=sensitive, at=at)
        batch.xadd(self.key(chat_id), fields, maxlen=self._max)
        batch.expire(self.key(chat_id), self._ttl)

    async def entries(self, chat_id: int, last: int | None = None) -> list[TranscriptEntry]:
        key = self.key(chat_id)
        if last:
            raw = list(reversed(cast(list[_Raw], await self._redis.xrevrange(key, count=last))))
        else:
            raw = cast(list[_Raw], await self._redis.xrange(key))
        return [_entry(entry_id, fields) for entry_id, fields in raw]


def _entry(entry_id: bytes | str, fields: dict[bytes | str, bytes | str]) -> TranscriptEntry:
    data = {reply_text(k): reply_text(v) for k, v in fields.items()}
    return TranscriptEntry(
        entry_id=reply_text(entry_id),
        at=datetime.fromisoformat(data["at"]),
        direction="in" if data["dir"] == "in" else "out",
        kind=data["kind"],
        text=data["text"],
    )
