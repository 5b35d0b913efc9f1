"""The bot's Redis client packs commands with hiredis, byte for byte as redis-py would."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import Connection, SSLConnection
from redis.exceptions import DataError

from bot.redis_packing import PackingConnection, PackingSSLConnection, pack_with_hiredis
from bot.services import redis_client

COMMANDS: list[tuple[object, ...]] = [
    ("GET", "repaybot:binding:5001"),
    ("SET", "k", "还款计划 ✅", "EX", 60, "NX"),
    ("EVALSHA", "ab" * 20, 2, "k1", "k2", 3, 0.25, 1e20, -7, b"\x00\xff raw"),
    ("CONFIG GET", "maxmemory"),  # a command name with a space goes as two arguments
]


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_are_packed_as_redis_py_packs_them(command: tuple[object, ...]) -> None:
    ours, theirs = PackingConnection(), Connection()
    assert b"".join(ours.pack_command(*command)) == b"".join(theirs.pack_command(*command))


@pytest.mark.parametrize("value", [True, None, {"a": 1}])
def test_values_redis_has_no_form_for_are_refused_as_redis_py_refuses_them(value: object) -> None:
    with pytest.raises(DataError):
        PackingConnection().pack_command("SET", "k", value)


async def test_the_bots_client_packs_with_hiredis_and_works(redis_url: str) -> None:
    client = redis_client(redis_url)
    try:
        assert client.connection_pool.connection_class is PackingConnection
        await client.set("t:packed", "分6期", ex=60)
        assert await client.get("t:packed") == "分6期".encode()
        assert await client.eval("return ARGV[1] .. ARGV[2]", 0, "a", 7) == b"a7"
    finally:
        await client.aclose()


def test_a_tls_client_keeps_tls() -> None:
    client = pack_with_hiredis(Redis.from_url("rediss://localhost:6380/0"))
    assert client.connection_pool.connection_class is PackingSSLConnection
    assert issubclass(PackingSSLConnection, SSLConnection)
