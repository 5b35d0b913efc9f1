"""Redis commands packed by hiredis, in C.

redis-py's asyncio connections pack each command in Python, argument by argument (its sync
connections use hiredis when it is installed). The turn's two Lua calls carry dozens of
arguments, so the bot's client packs with `hiredis.pack_command`, as redis-py's sync client
does.
"""

from __future__ import annotations

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


class PackingConnection(HiredisPacking, Connection):
    pass


class PackingSSLConnection(HiredisPacking, SSLConnection):
    pass


class PackingUnixConnection(HiredisPacking, UnixDomainSocketConnection):
    pass


_PACKING: dict[type[AbstractConnection], type[AbstractConnection]] = {
    Connection: PackingConnection,
    SSLConnection: PackingSSLConnection,
    UnixDomainSocketConnection: PackingUnixConnection,
}


def pack_with_hiredis(client: Redis) -> Redis:
    """`client`, its pool making connections that pack with hiredis (before it made any)."""
    pool = client.connection_pool
    pool.connection_class = _PACKING.get(pool.connection_class, pool.connection_class)
    return client
