"""A batch of writes replays in one call exactly what a pipeline would have done."""

from __future__ import annotations

from redis.asyncio import Redis

from bot.write_batch import WriteBatch


async def test_commands_run_in_order_with_their_options(redis: Redis) -> None:
    batch = WriteBatch(redis)
    batch.set("t:done", "processing")
    batch.set("t:done", "done", ex=600)
    batch.xadd("t:stream", {"dir": "out", "text": "您好"}, maxlen=1000)
    batch.xadd("t:stream", {"dir": "out", "text": "¥2,240.00"}, maxlen=1000)
    batch.expire("t:stream", 3600)
    batch.set("t:gone", "x")
    batch.delete("t:gone")
    assert len(batch) == 7
    await batch.execute()
    assert await redis.get("t:done") == b"done"
    assert 590 < await redis.ttl("t:done") <= 600
    entries = await redis.xrange("t:stream")
    assert [fields[b"text"].decode() for _, fields in entries] == ["您好", "¥2,240.00"]
    assert 3590 < await redis.ttl("t:stream") <= 3600
    assert await redis.exists("t:gone") == 0
    assert len(batch) == 0  # sent, and ready for more


async def test_a_key_is_deleted_only_while_it_holds_the_value(redis: Redis) -> None:
    await redis.set("t:lock:mine", "token-a")
    await redis.set("t:lock:theirs", "token-b")
    batch = WriteBatch(redis)
    batch.delete_if_equal("t:lock:mine", "token-a")
    batch.delete_if_equal("t:lock:theirs", "token-a")
    await batch.execute()
    assert await redis.exists("t:lock:mine") == 0
    assert await redis.get("t:lock:theirs") == b"token-b"


async def test_an_empty_batch_sends_nothing(redis: Redis) -> None:
    await redis.config_resetstat()
    await WriteBatch(redis).execute()
    stats = await redis.info("commandstats")
    assert "cmdstat_evalsha" not in stats and "cmdstat_eval" not in stats
