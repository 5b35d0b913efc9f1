"""Writes sent as one Lua call that replays them in order.

A redis-py pipeline costs client-side work per command (packing, parsing each reply) that adds
up to more than a round trip; the writes that end a turn (the update's `done` mark, the
outgoing transcript, FSM changes, the chat lock's release) go as one EVALSHA instead.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

from redis.asyncio import Redis
from redis.commands.core import AsyncScript

# ARGV holds, per command: its name, how many of the next KEYS it takes, how many of the next
# ARGV, then those arguments. DELIFEQ deletes a key only while it holds the given value.
_REPLAY = """
local k, a = 1, 1
while a <= #ARGV do
  local name, nkeys, nargs = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  a = a + 3
  local call = {}
  for i = 0, nkeys - 1 do call[#call + 1] = KEYS[k + i] end
  for i = 0, nargs - 1 do call[#call + 1] = ARGV[a + i] end
  k, a = k + nkeys, a + nargs
  if name == 'DELIFEQ' then
    if redis.call('GET', call[1]) == call[2] then redis.call('DEL', call[1]) end
  else
    redis.call(name, unpack(call))
  end
end
return k - 1
"""

Arg = str | int

# One registered script per client: registering hashes the script's text each time.
_scripts: weakref.WeakKeyDictionary[Redis, AsyncScript] = weakref.WeakKeyDictionary()


def _replay(redis: Redis) -> AsyncScript:
    script = _scripts.get(redis)
    if script is None:
        script = _scripts[redis] = redis.register_script(_REPLAY)
    return script


class WriteBatch:
    """Commands on one key each, queued like a pipeline's, sent by `execute` in one call."""

    def __init__(self, redis: Redis) -> None:
        self._script = _replay(redis)
        self._keys: list[str] = []
        self._args: list[Arg] = []

    def __len__(self) -> int:
        return len(self._keys)

    def _command(self, name: str, key: str, *args: Arg) -> None:
        self._keys.append(key)
        self._args += [name, 1, len(args), *args]

    def set(self, key: str, value: Arg, *, ex: int | None = None) -> None:
        if ex is None:
            self._command("SET", key, value)
        else:
            self._command("SET", key, value, "EX", ex)

    def hset(self, key: str, field: str, value: Arg) -> None:
        self._command("HSET", key, field, value)

    def delete(self, key: str) -> None:
        self._command("DEL", key)

    def delete_if_equal(self, key: str, value: str) -> None:
        self._command("DELIFEQ", key, value)

    def expire(self, key: str, seconds: int) -> None:
        self._command("EXPIRE", key, seconds)

    def xadd(self, key: str, fields: Mapping[str, str], *, maxlen: int) -> None:
        """Append to a stream capped at about `maxlen` entries."""
        pairs = [part for item in fields.items() for part in item]
        self._command("XADD", key, "MAXLEN", "~", maxlen, "*", *pairs)

    async def execute(self) -> None:
        """Send every queued command (nothing when none is queued), then start afresh."""
        if self._keys:
            keys, args = self._keys, self._args
            self._keys, self._args = [], []
            await self._script(keys=keys, args=args)
