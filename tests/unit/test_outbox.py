"""The agent console's outbox: delivered in order, and stopped when the chat ends."""

from __future__ import annotations

import asyncio
import contextlib

from redis.asyncio import Redis

from bot.agents.outbox import Outbox


async def test_messages_are_delivered_in_order_and_once(redis: Redis) -> None:
    outbox = Outbox(redis)
    for text in ("客服同事已加入对话", "您好，我是客服小李。"):
        await outbox.put(30001, text)
    sent: list[tuple[int, str]] = []

    async def send(chat_id: int, text: str) -> None:
        sent.append((chat_id, text))

    assert await outbox.drain_all(send) == 2
    assert await outbox.drain_all(send) == 0
    assert sent == [(30001, "客服同事已加入对话"), (30001, "您好，我是客服小李。")]


async def test_delivery_stops_when_told_even_if_a_send_swallows_the_cancellation(
    redis: Redis,
) -> None:
    outbox = Outbox(redis)
    await outbox.put(30001, "您好")
    sending = asyncio.Event()

    async def send(chat_id: int, text: str) -> None:
        sending.set()
        # As a client library's call can: the cancellation is swallowed, the request finishes.
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(5)

    task = asyncio.create_task(outbox.run(send, chat_id=30001, interval=0.05))
    await sending.wait()
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=2)
    assert task in done and task.cancelled()
