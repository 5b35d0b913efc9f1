"""Everything a turn needs to know about a chat, read from Redis in one call.

The same Lua script also records the incoming message (transcript, daily figures) and counts
it for flood control and turns: one command where a pipeline of eleven cost twice the time in
redis-py's packing and parsing.
"""

from __future__ import annotations

from dataclasses import dataclass

from actions.domain.identity import IdentityStore
from actions.domain.preferences import PreferenceStore
from actions.domain.redis_util import optional_text
from actions.domain.stats import TTL_SECONDS as STATS_TTL_SECONDS
from actions.domain.tickets import chat_key
from bot.services import BotServices
from bot.transcript import Direction

TURN_COUNTER_TTL_SECONDS = 30 * 24 * 3600

# KEYS: binding, chat's open ticket, preferences, flood counter, turn counter, today's chats,
# transcript. ARGV: flood window, turn TTL, chat id, stats TTL, transcript max length and TTL,
# then the transcript entry's field/value pairs.
_SNAPSHOT = """
local binding = redis.call('GET', KEYS[1])
local ticket = redis.call('GET', KEYS[2])
local prefs = redis.call('HMGET', KEYS[3], 'lang', 'last_lang')
redis.call('SET', KEYS[4], 0, 'EX', ARGV[1], 'NX')
local recent = redis.call('INCR', KEYS[4])
local turn = redis.call('INCR', KEYS[5])
redis.call('EXPIRE', KEYS[5], ARGV[2])
redis.call('PFADD', KEYS[6], ARGV[3])
redis.call('EXPIRE', KEYS[6], ARGV[4])
redis.call('XADD', KEYS[7], 'MAXLEN', '~', ARGV[5], '*', unpack(ARGV, 7))
redis.call('EXPIRE', KEYS[7], ARGV[6])
return {binding, ticket, prefs[1], prefs[2], recent, turn}
"""


@dataclass(frozen=True)
class Incoming:
    """The message as the transcript records it."""

    text: str
    kind: str
    sensitive: bool = False
    direction: Direction = "in"


@dataclass(frozen=True)
class ChatSnapshot:
    borrower_id: str | None
    ticket_id: str | None
    chosen_lang: str | None
    last_lang: str | None
    recent_messages: int
    turn: int  # how many updates this chat has had (the count of turns, this one included)


class SnapshotReader:
    """Takes a chat's snapshot at the start of each turn."""

    def __init__(self, services: BotServices) -> None:
        self._services = services
        self._script = services.redis.register_script(_SNAPSHOT)

    async def take(
        self, *, chat_id: int, user_id: int, incoming: Incoming, flood_window_seconds: int
    ) -> ChatSnapshot:
        transcripts = self._services.transcripts
        entry = transcripts.fields(
            incoming.direction, incoming.text, incoming.kind, sensitive=incoming.sensitive
        )
        keys = [
            IdentityStore.binding_key(user_id),
            chat_key(chat_id),
            PreferenceStore.key(user_id),
            f"repaybot:rate:{user_id}",
            f"repaybot:turns:{chat_id}",
            self._services.domain.stats.conversations_key(),
            transcripts.key(chat_id),
        ]
        args: list[str | int] = [
            flood_window_seconds,
            TURN_COUNTER_TTL_SECONDS,
            chat_id,
            STATS_TTL_SECONDS,
            transcripts.max_entries,
            transcripts.ttl_seconds,
        ]
        for name, value in entry.items():
            args += [name, value]
        binding, ticket, chosen, last, recent, turn = await self._script(keys=keys, args=args)
        return ChatSnapshot(
            borrower_id=optional_text(binding),
            ticket_id=optional_text(ticket),
            chosen_lang=optional_text(chosen),
            last_lang=optional_text(last),
            recent_messages=int(recent),
            turn=int(turn),
        )
