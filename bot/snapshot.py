"""Everything a turn needs to know about a chat, read from Redis in one round trip.

The same pipeline also records the incoming message (transcript, daily figures) and counts it
for flood control, so the common path costs one network round trip instead of eight.
"""

from __future__ import annotations

from dataclasses import dataclass

from actions.domain.identity import IdentityStore
from actions.domain.preferences import PreferenceStore
from actions.domain.redis_util import optional_text
from actions.domain.tickets import chat_key
from bot.services import BotServices
from bot.transcript import Direction

TURN_COUNTER_TTL_SECONDS = 30 * 24 * 3600


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


async def take_snapshot(
    services: BotServices,
    *,
    chat_id: int,
    user_id: int,
    incoming: Incoming,
    flood_window_seconds: int,
) -> ChatSnapshot:
    domain = services.domain
    flood_key = f"repaybot:rate:{user_id}"
    turn_key = f"repaybot:turns:{chat_id}"
    async with services.redis.pipeline(transaction=False) as pipe:
        pipe.get(IdentityStore.binding_key(user_id))
        pipe.get(chat_key(chat_id))
        pipe.hmget(PreferenceStore.key(user_id), ["lang", "last_lang"])
        pipe.set(flood_key, 0, ex=flood_window_seconds, nx=True)  # the window opens here
        pipe.incr(flood_key)
        pipe.incr(turn_key)
        pipe.expire(turn_key, TURN_COUNTER_TTL_SECONDS)
        domain.stats.queue_conversation(pipe, chat_id)
        services.transcripts.queue_append(
            pipe,
            chat_id,
            incoming.direction,
            incoming.text,
            incoming.kind,
            sensitive=incoming.sensitive,
        )
        results = await pipe.execute()
    binding, ticket, (chosen, last), _, recent, turn = results[:6]
    return ChatSnapshot(
        borrower_id=optional_text(binding),
        ticket_id=optional_text(ticket),
        chosen_lang=optional_text(chosen),
        last_lang=optional_text(last),
        recent_messages=int(recent),
        turn=int(turn),
    )
