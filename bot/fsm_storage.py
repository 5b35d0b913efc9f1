"""aiogram's RedisStorage, with the current chat's state and data read once per turn.

aiogram reads the state when the turn starts and handlers read the data, a Redis round trip
each. `PrefetchingIsolation` reads both as it takes the chat's lock, and `prefetched` serves
them for the rest of the turn. Writes go straight to Redis as before and update what is served.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, cast

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage


@dataclass
class _Turn:
    key: StorageKey
    state: str | None
    data: dict[str, Any] = field(default_factory=dict)


_current: ContextVar[_Turn | None] = ContextVar("repaybot_fsm_turn", default=None)


class PrefetchingStorage(RedisStorage):
    """Reads of the turn's own key come from what the lock read; other keys read Redis."""

    @contextmanager
    def prefetched(
        self, key: StorageKey, state: bytes | None, data: bytes | None
    ) -> Iterator[None]:
        """Serve `key` from its raw state and data, as read from Redis, while the turn runs."""
        loaded = self.json_loads(data.decode()) if data is not None else {}
        token = _current.set(_Turn(key, state.decode() if state is not None else None, loaded))
        try:
            yield
        finally:
            _current.reset(token)

    @staticmethod
    def _turn(key: StorageKey) -> _Turn | None:
        turn = _current.get()
        return turn if turn is not None and turn.key == key else None

    async def get_state(self, key: StorageKey) -> str | None:
        turn = self._turn(key)
        return turn.state if turn is not None else await super().get_state(key)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await super().set_state(key, state)
        turn = self._turn(key)
        if turn is not None:
            turn.state = state.state if isinstance(state, State) else state

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        turn = self._turn(key)
        if turn is None:
            return await super().get_data(key)
        # A copy, as a fresh read would give: callers may change what they get.
        return cast(dict[str, Any], self.json_loads(self.json_dumps(turn.data)))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await super().set_data(key, data)
        turn = self._turn(key)
        if turn is not None:
            turn.data = cast(dict[str, Any], self.json_loads(self.json_dumps(data)))
