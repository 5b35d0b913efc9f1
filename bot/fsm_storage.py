"""aiogram's RedisStorage, with the current chat's state and data read once and written once
per turn.

aiogram reads the state when the turn starts, handlers read the data and write both, a Redis
round trip each. The turn's opening reads both as it takes the chat's lock (`bot.opening`), and
`serving` serves them for the rest of the turn. What the turn changes is written at its end, in
the same write as the update's `done` mark (`bot.middlewares.turn`): a turn that fails leaves
the state as it was, so the update handled again starts from where the first attempt did.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage

from bot.write_batch import WriteBatch


@dataclass
class TurnState:
    """The turn's copy of its chat's state and data, and what it changed."""

    storage: PrefetchingStorage
    key: StorageKey
    state: str | None
    data: dict[str, Any] = field(default_factory=dict)
    state_changed: bool = False
    data_changed: bool = False

    @property
    def changed(self) -> bool:
        return self.state_changed or self.data_changed

    def queue_writes(self, batch: WriteBatch) -> None:
        """Queue the changed state and data on `batch`."""
        build, storage = self.storage.key_builder.build, self.storage
        if self.state_changed:
            if self.state is None:
                batch.delete(build(self.key, "state"))
            else:
                batch.set(build(self.key, "state"), self.state, ex=_seconds(storage.state_ttl))
        if self.data_changed:
            if not self.data:
                batch.delete(build(self.key, "data"))
            else:
                data = storage.json_dumps(self.data)
                batch.set(build(self.key, "data"), data, ex=_seconds(storage.data_ttl))


def _seconds(ttl: int | timedelta | None) -> int | None:
    """RedisStorage's TTL setting (seconds or a timedelta) in whole seconds."""
    return int(ttl.total_seconds()) if isinstance(ttl, timedelta) else ttl


_current: ContextVar[TurnState | None] = ContextVar("repaybot_fsm_turn", default=None)


class PrefetchingStorage(RedisStorage):
    """The turn's own key is served from what the opening read and written at the turn's end;
    other keys (an agent's turn closing a borrower's flow) read and write Redis at once."""

    @contextmanager
    def serving(
        self, key: StorageKey, state: bytes | None, data: bytes | None
    ) -> Iterator[TurnState]:
        """Serve `key` from its raw state and data, as read from Redis, while the turn runs;
        the turn's owner writes what changed (`TurnState.queue_writes`)."""
        loaded = self.json_loads(data.decode()) if data is not None else {}
        turn = TurnState(self, key, state.decode() if state is not None else None, loaded)
        token = _current.set(turn)
        try:
            yield turn
        finally:
            _current.reset(token)

    @staticmethod
    def _turn(key: StorageKey) -> TurnState | None:
        turn = _current.get()
        return turn if turn is not None and turn.key == key else None

    async def get_state(self, key: StorageKey) -> str | None:
        turn = self._turn(key)
        return turn.state if turn is not None else await super().get_state(key)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        turn = self._turn(key)
        if turn is None:
            await super().set_state(key, state)
            return
        turn.state = state.state if isinstance(state, State) else state
        turn.state_changed = True

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        turn = self._turn(key)
        if turn is None:
            return await super().get_data(key)
        # A copy, as a fresh read would give: callers may change what they get.
        return cast(dict[str, Any], self.json_loads(self.json_dumps(turn.data)))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        turn = self._turn(key)
        if turn is None:
            await super().set_data(key, data)
            return
        if not isinstance(data, dict):
            msg = f"Data must be a dict or dict-like object, got {type(data).__name__}"
            raise DataNotDictLikeError(msg)
        turn.data = cast(dict[str, Any], self.json_loads(self.json_dumps(data)))
        turn.data_changed = True
