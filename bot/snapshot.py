"""Everything a turn needs to know about a chat, read as the turn opens (`bot.opening`).

The same Lua also records the incoming message (transcript, daily figures) and counts it for
flood control and turns: it runs inside the turn's opening call, so a turn pays no round trip
of its own for any of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.types import Update

from actions.domain.identity import IdentityStore
from actions.domain.masking import mask_phone
from actions.domain.preferences import PreferenceStore
from actions.domain.redis_util import optional_text
from actions.domain.stats import TTL_SECONDS as STATS_TTL_SECONDS
from actions.domain.tickets import chat_key
from bot.services import BotServices
from bot.transcript import Direction
from dialogs.verify import id_digits_in

TURN_COUNTER_TTL_SECONDS = 30 * 24 * 3600

# A Lua function for the opening script. K: binding, chat's open ticket, preferences, flood
# counter, turn counter, today's chats, transcript. A: flood window, turn TTL, chat id, stats
# TTL, transcript max length and TTL, then the transcript entry's field/value pairs.
# Every redis.call costs the server a few microseconds: the flood counter's window starts with
# its first count, and today's chats get their TTL when a PFADD changes them (as it does when it
# creates them), instead of a SET NX and an EXPIRE on every turn.
SNAPSHOT_LUA = """
local function chat_snapshot(K, A)
  local found = redis.call('MGET', K[1], K[2])
  local prefs = redis.call('HMGET', K[3], 'lang', 'last_lang')
  local recent = redis.call('INCR', K[4])
  if recent == 1 then redis.call('EXPIRE', K[4], A[1]) end
  local turn = redis.call('INCR', K[5])
  redis.call('EXPIRE', K[5], A[2])
  if redis.call('PFADD', K[6], A[3]) == 1 then redis.call('EXPIRE', K[6], A[4]) end
  redis.call('XADD', K[7], 'MAXLEN', '~', A[5], '*', unpack(A, 7))
  redis.call('EXPIRE', K[7], A[6])
  return {found[1], found[2], prefs[1], prefs[2], recent, turn}
end
"""


@dataclass(frozen=True)
class Incoming:
    """The message as the transcript records it."""

    text: str
    kind: str
    sensitive: bool = False
    direction: Direction = "in"


def incoming_record(update: Update) -> Incoming:
    """The incoming message (or button press) as the transcript records it.

    A message that gives the ID's last 4 characters ("4321", "我的后四位是4321") is never
    stored, whatever the state.
    """
    if update.callback_query is not None:
        return Incoming(text=f"[button {update.callback_query.data}]", kind="callback")
    message = update.message
    if message is None:
        return Incoming(text=f"[{update.event_type}]", kind=update.event_type)
    kind = str(message.content_type)
    if message.contact is not None:
        return Incoming(text=f"[contact {mask_phone(message.contact.phone_number)}]", kind=kind)
    text = message.text or message.caption or f"[{kind}]"
    return Incoming(text=text, kind=kind, sensitive=id_digits_in(text) is not None)


@dataclass(frozen=True)
class ChatSnapshot:
    borrower_id: str | None
    ticket_id: str | None
    chosen_lang: str | None
    last_lang: str | None
    recent_messages: int
    turn: int  # how many updates this chat has had (the count of turns, this one included)

    @classmethod
    def from_reply(cls, reply: list[Any]) -> ChatSnapshot:
        binding, ticket, chosen, last, recent, turn = reply
        return cls(
            borrower_id=optional_text(binding),
            ticket_id=optional_text(ticket),
            chosen_lang=optional_text(chosen),
            last_lang=optional_text(last),
            recent_messages=int(recent),
            turn=int(turn),
        )


@dataclass(frozen=True)
class SnapshotRequest:
    """The keys and arguments of `chat_snapshot` for one chat and its incoming message."""

    keys: list[str]
    args: list[str | int]


class SnapshotRequests:
    """Builds each turn's snapshot request from the owners of the keys it touches."""

    def __init__(self, services: BotServices) -> None:
        self._services = services

    def build(self, *, chat_id: int, user_id: int, incoming: Incoming) -> SnapshotRequest:
        services = self._services
        transcripts = services.transcripts
        keys = [
            IdentityStore.binding_key(user_id),
            chat_key(chat_id),
            PreferenceStore.key(user_id),
            f"repaybot:rate:{user_id}",
            f"repaybot:turns:{chat_id}",
            services.domain.stats.conversations_key(),
            transcripts.key(chat_id),
        ]
        args: list[str | int] = [
            services.settings.limits.window_seconds,
            TURN_COUNTER_TTL_SECONDS,
            chat_id,
            STATS_TTL_SECONDS,
            transcripts.max_entries,
            transcripts.ttl_seconds,
        ]
        entry = transcripts.fields(
            incoming.direction, incoming.text, incoming.kind, sensitive=incoming.sensitive
        )
        for name, value in entry.items():
            args += [name, value]
        return SnapshotRequest(keys, args)
