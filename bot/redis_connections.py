"""The bot's Redis connections: redis-py's asyncio connections, with two costs per command cut.

- Packing: redis-py's asyncio connections pack each command in Python, argument by argument
  (its sync connections use hiredis when it is installed). The turn's two Lua calls carry
  dozens of arguments, so these pack with `hiredis.pack_command`, as redis-py's sync client
  does.
- The write's timeout: redis-py bounds each write with `asyncio.wait_for`, which on Python 3.11
  runs the write as a new task, two more turns of the event loop per command (40-100 µs of
  CPU each command here). These bound it with a timeout scope (`asyncio.timeout`) instead,
  the way redis-py already bounds reads: the same limit, the same error, no task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import hiredis
from redis.asyncio import Redis
from redis.asyncio.connection import (
    AbstractConnection,
    Connection,
    SSLConnection,
    UnixDomainSocketConnection,
)
from redis.exceptions import DataError
from redis.exceptions import TimeoutError as RedisTimeoutError


class HiredisPacking:
    """Mixed into a redis-py asyncio connection class: `pack_command` by hiredis."""

    def pack_command(self, *args: Any) -> list[bytes]:
        # A command name with a space ("CONFIG GET") goes as separate arguments, as redis-py's.
        if isinstance(args[0], str):
            args = (*args[0].encode().split(), *args[1:])
        elif b" " in args[0]:
            args = (*args[0].split(), *args[1:])
        try:
            return [hiredis.pack_command(args)]
        except TypeError as error:  # a bool, None or another type Redis has no form for
            raise DataError(str(error)) from error


class ScopedWriteTimeout(AbstractConnection):
    """Mixed into a redis-py asyncio connection class: writes bounded by a timeout scope.

    redis-py's own write runs with the connection's `socket_timeout` cleared (so it does not
    reach for `wait_for`), inside `asyncio.timeout` with that same limit; reads keep
    redis-py's own timeout, which is a scope already."""

    async def send_packed_command(
        self, command: bytes | str | Iterable[bytes], check_health: bool = True
    ) -> None:
        limit = self.socket_timeout
        if not limit:
            return await super().send_packed_command(command, check_health)
        self.socket_timeout = None
        try:
            async with asyncio.timeout(limit):
                await super().send_packed_command(command, check_health)
        except TimeoutError:
            await self.disconnect(nowait=True)
            raise RedisTimeoutError("Timeout writing to socket") from None
        finally:
            self.socket_timeout = limit


class BotConnection(HiredisPacking, ScopedWriteTimeout, Connection):
    pass


class BotSSLConnection(HiredisPacking, ScopedWriteTimeout, SSLConnection):
    pass


class BotUnixConnection(HiredisPacking, ScopedWriteTimeout, UnixDomainSocketConnection):
    pass


_BOT_CLASSES: dict[type[AbstractConnection], type[AbstractConnection]] = {
    Connection: BotConnection,
    SSLConnection: BotSSLConnection,
    UnixDomainSocketConnection: BotUnixConnection,
}


def use_bot_connections(client: Redis) -> Redis:
    """`client`, its pool making the bot's connections (before it made any)."""
    pool = client.connection_pool
    pool.connection_class = _BOT_CLASSES.get(pool.connection_class, pool.connection_class)
    return client
