"""Writes a turn makes after its handler, batched into the one round trip that ends it.

While an update is handled, the messages the bot sends are collected here instead of being
written one by one; `TurnMiddleware` writes them together with the update's `done` mark, and
with the other writes the turn queued (`writes`, kept only if the turn succeeds).
Outside an update (outbox deliveries) there is no turn and writes happen at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from bot.write_batch import WriteBatch

QueuedWrite = Callable[[WriteBatch], None]


@dataclass(frozen=True)
class Outgoing:
    chat_id: int
    text: str


@dataclass
class Turn:
    outgoing: list[Outgoing] = field(default_factory=list)
    # Each queues its commands on the closing batch of a turn that succeeded.
    writes: list[QueuedWrite] = field(default_factory=list)


_current: ContextVar[Turn | None] = ContextVar("repaybot_turn", default=None)


def current_turn() -> Turn | None:
    return _current.get()


@contextlib.contextmanager
def turn() -> Iterator[Turn]:
    """The turn of the update being handled, for the duration of the block."""
    current = Turn()
    token = _current.set(current)
    try:
        yield current
    finally:
        _current.reset(token)
