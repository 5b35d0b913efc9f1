"""A Telegram user's preferences: language, opt-out from proactive messages, and no contact with
third parties (family, friends, colleagues) about their loan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from redis.asyncio import Redis

from actions.domain.redis_util import optional_text

_PREFIX = "repaybot:prefs"


@dataclass(frozen=True)
class ContactPreferences:
    """How the borrower asked to be contacted, and since when (None: not asked)."""

    opted_out_at: datetime | None = None  # no proactive messages
    no_third_parties_at: datetime | None = None  # nobody but the borrower about the loan

    def asked(self) -> list[tuple[str, datetime]]:
        """What was asked, as ("borrower_only" | "no_messages", when), in the order shown."""
        pairs = (("borrower_only", self.no_third_parties_at), ("no_messages", self.opted_out_at))
        return [(what, at) for what, at in pairs if at is not None]


class HashWrites(Protocol):
    """Queues a hash field's write to be sent later (the bot's turn-closing batch)."""

    def hset(self, key: str, field: str, value: str) -> None: ...


class PreferenceStore:
    """One Redis hash per Telegram user; kept until the user changes it (a business record)."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    @staticmethod
    def key(user_id: int) -> str:
        return f"{_PREFIX}:{user_id}"

    async def set_language(self, user_id: int, lang: str) -> None:
        await self._redis.hset(self.key(user_id), "lang", lang)

    async def languages(self, user_id: int) -> tuple[str | None, str | None]:
        """The language the user chose (/lang), and the one they last wrote in."""
        chosen, last = await self._redis.hmget(self.key(user_id), ["lang", "last_lang"])
        return optional_text(chosen), optional_text(last)

    def queue_last_language(self, writes: HashWrites, user_id: int, lang: str) -> None:
        """The language the user last wrote in, queued on `writes` (sent with them)."""
        writes.hset(self.key(user_id), "last_lang", lang)

    async def opt_out(self, user_id: int, at: datetime) -> None:
        await self._stamp(user_id, "opted_out_at", at)

    async def opted_out_at(self, user_id: int) -> datetime | None:
        return await self._stamped(user_id, "opted_out_at")

    async def no_third_parties(self, user_id: int, at: datetime) -> None:
        """The user asked that nobody else (family, friends, work) be contacted about the loan."""
        await self._stamp(user_id, "no_third_parties_at", at)

    async def no_third_parties_at(self, user_id: int) -> datetime | None:
        return await self._stamped(user_id, "no_third_parties_at")

    async def contact(self, user_id: int) -> ContactPreferences:
        """Both contact preferences in one read (for the agent's card and the ops page)."""
        opted_out, no_others = await self._redis.hmget(
            self.key(user_id), ["opted_out_at", "no_third_parties_at"]
        )
        return ContactPreferences(_moment(opted_out), _moment(no_others))

    async def _stamp(self, user_id: int, name: str, at: datetime) -> None:
        await self._redis.hset(self.key(user_id), name, at.isoformat())

    async def _stamped(self, user_id: int, name: str) -> datetime | None:
        return _moment(await self._redis.hget(self.key(user_id), name))


def _moment(value: bytes | str | None) -> datetime | None:
    text = optional_text(value)
    return datetime.fromisoformat(text) if text else None
