"""A turn's opening, in one Redis call: the update's `processing` mark, the chat's lock with its
FSM state and data, and the chat's snapshot.

aiogram's `RedisEventIsolation` and state read, a dedupe `SET NX` and a snapshot would be four
round trips; each turn opens with one, and closes with one (`bot.middlewares.turn`).
Nothing is written unless the whole opening succeeds: a duplicate, an update still being
handled elsewhere, or a chat whose lock another worker holds leave Redis as they found it.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from enum import IntEnum

from redis.asyncio import Redis

from bot.snapshot import SNAPSHOT_LUA, ChatSnapshot, SnapshotRequest
from bot.write_batch import WriteBatch

# KEYS: the update's mark, then (when the update has a chat) the chat's lock, FSM state and
# FSM data, then (for a borrower's private chat) the snapshot's keys. ARGV: the lock's token
# and TTL (ms), the mark's TTL (s), then the snapshot's arguments.
_OPEN = (
    SNAPSHOT_LUA
    + """
local mark = redis.call('GET', KEYS[1])
if mark == 'done' then return {1} end
if mark then return {2} end
local locking = #KEYS > 1
if locking and not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {3} end
redis.call('SET', KEYS[1], 'processing', 'EX', ARGV[3])
if not locking then return {0} end
local fsm = redis.call('MGET', KEYS[3], KEYS[4])
local reply = {0, fsm[1], fsm[2]}
if #KEYS > 4 then reply[4] = chat_snapshot({unpack(KEYS, 5)}, {unpack(ARGV, 4)}) end
return reply
"""
)
LOCK_TTL_MS = 60_000  # as aiogram's RedisEventIsolation: a crashed holder frees it in a minute
PROCESSING_TTL_SECONDS = 60
FIRST_RETRY_SECONDS = 0.005
MAX_RETRY_SECONDS = 0.1


class Outcome(IntEnum):
    OPENED = 0
    DUPLICATE = 1  # handled already
    IN_PROGRESS = 2  # being handled by another worker right now
    BUSY = 3  # the chat's lock is held (by another update of the same chat)


@dataclass(frozen=True)
class ChatLock:
    """The lock on one chat's turns, identified by its holder's token."""

    key: str
    token: str

    def queue_release(self, batch: WriteBatch) -> None:
        """Released only by its holder: a lock that expired and was taken by another stays
        theirs."""
        batch.delete_if_equal(self.key, self.token)


@dataclass(frozen=True)
class Opening:
    outcome: Outcome
    lock: ChatLock | None = None
    state: bytes | None = None
    data: bytes | None = None
    snapshot: ChatSnapshot | None = None


@dataclass(frozen=True)
class ChatKeys:
    """The chat's lock, FSM state and FSM data keys."""

    lock: str
    state: str
    data: str


class TurnOpener:
    """Opens turns; a chat whose lock is held is retried with backoff until it is free."""

    def __init__(self, redis: Redis) -> None:
        self._script = redis.register_script(_OPEN)

    async def open(
        self, mark: str, chat: ChatKeys | None, snapshot: SnapshotRequest | None = None
    ) -> Opening:
        """Mark the update `mark` as processing; lock `chat` and read its state and data; take
        the `snapshot` (only with a chat)."""
        keys = [mark]
        token = secrets.token_hex(16)
        args: list[str | int] = [token, LOCK_TTL_MS, PROCESSING_TTL_SECONDS]
        if chat is not None:
            keys += [chat.lock, chat.state, chat.data]
            if snapshot is not None:
                keys += snapshot.keys
                args += snapshot.args
        delay = FIRST_RETRY_SECONDS
        while True:
            reply = await self._script(keys=keys, args=args)
            outcome = Outcome(reply[0])
            if outcome is not Outcome.BUSY:
                break
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_SECONDS)
        if outcome is not Outcome.OPENED or chat is None:
            return Opening(outcome)
        return Opening(
            outcome,
            lock=ChatLock(chat.lock, token),
            state=reply[1],
            data=reply[2],
            snapshot=ChatSnapshot.from_reply(reply[3]) if len(reply) > 3 else None,
        )
