"""The bot's Redis connections: commands packed by hiredis, byte for byte as redis-py would,
and writes bounded by a timeout scope instead of a task per command."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection, Connection, SSLConnection
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import DataError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.redis_connections import BotConnection, BotSSLConnection, use_bot_connections
from bot.services import redis_client

COMMANDS: list[tuple[object, ...]] = [
    ("GET", "repaybot:binding:5001"),
    ("SET", "k", "还款计划 ✅", "EX", 60, "NX"),
    ("EVALSHA", "ab" * 20, 2, "k1", "k2", 3, 0.25, 1e20, -7, b"\x00\xff raw"),
    ("CONFIG GET", "maxmemory"),  # a command name with a space goes as two arguments
]


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_are_packed_as_redis_py_packs_them(command: tuple[object, ...]) -> None:
    ours, theirs = BotConnection(), Connection()
    assert b"".join(ours.pack_command(*command)) == b"".join(theirs.pack_command(*command))


@pytest.mark.parametrize("value", [True, None, {"a": 1}])
def test_values_redis_has_no_form_for_are_refused_as_redis_py_refuses_them(value: object) -> None:
    with pytest.raises(DataError):
        BotConnection().pack_command("SET", "k", value)


async def test_the_bots_client_packs_with_hiredis_and_works(redis_url: str) -> None:
    client = redis_client(redis_url)
    try:
        assert client.connection_pool.connection_class is BotConnection
        await client.set("t:packed", "分6期", ex=60)
        assert await client.get("t:packed") == "分6期".encode()
        assert await client.eval("return ARGV[1] .. ARGV[2]", 0, "a", 7) == b"a7"
    finally:
        await client.aclose()


def test_a_tls_client_keeps_tls() -> None:
    client = use_bot_connections(Redis.from_url("rediss://localhost:6380/0"))
    assert client.connection_pool.connection_class is BotSSLConnection
    assert issubclass(BotSSLConnection, SSLConnection)


async def test_a_command_makes_no_task_of_its_write(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_wait_for(*args: object, **kwargs: object) -> None:
        raise AssertionError("a write went through asyncio.wait_for")

    monkeypatch.setattr(asyncio, "wait_for", no_wait_for)
    client = redis_client(redis_url)
    try:
        await client.set("t:scoped", "v", ex=60)
        assert await client.get("t:scoped") == b"v"
        [connection] = client.connection_pool._available_connections
        assert connection.socket_timeout == 5  # the limit is the client's, kept after each write
    finally:
        await client.aclose()


@pytest.fixture
async def one_try(redis_url: str) -> AsyncIterator[tuple[Redis, AbstractConnection]]:
    """The bot's connections, a 0.3 s socket timeout and no retry (each failure shows), and
    the one connection it has made."""
    client = use_bot_connections(
        Redis.from_url(redis_url, socket_timeout=0.3, retry=Retry(NoBackoff(), retries=0))
    )
    await client.ping()
    [connection] = client.connection_pool._available_connections
    yield client, connection
    await client.aclose()


async def stuck(*args: object, **kwargs: object) -> None:
    await asyncio.sleep(60)


async def test_a_write_that_cannot_finish_times_out_and_drops_the_connection(
    one_try: tuple[Redis, AbstractConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, connection = one_try
    assert connection._writer is not None
    monkeypatch.setattr(connection._writer, "drain", stuck)
    started = time.monotonic()
    with pytest.raises(RedisTimeoutError, match="Timeout writing to socket"):
        await client.set("t:stuck", "v")
    assert time.monotonic() - started < 2
    assert not connection.is_connected
    assert connection.socket_timeout == 0.3
    assert await client.ping()  # the next command goes on a fresh connection


async def test_a_read_that_gets_no_answer_still_times_out(
    one_try: tuple[Redis, AbstractConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, connection = one_try
    monkeypatch.setattr(connection, "_read_response_from_parser", stuck)
    with pytest.raises(RedisTimeoutError, match="Timeout reading"):
        await client.get("t:stuck")
    assert not connection.is_connected
