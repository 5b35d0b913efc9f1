"""Fixtures: a Redis of their own, the Bot API stand-in, and a pool of webhook workers.

Processes are expensive (each start imports aiogram for 10-30 s), so the stand-in and the pool
live for the whole module; every test talks as its own Telegram user.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.redis_server import RedisServer
from tests.e2e.processes import BotProcess, webhook_worker
from tests.e2e.standin import BotApiStandIn
from tests.e2e.webhooks import WebhookDelivery


class WorkerPool:
    """`repaybot run --webhook` workers sharing one Redis; `workers` is the live rotation."""

    def __init__(self, api: BotApiStandIn, redis_url: str, workdir: Path) -> None:
        self.api = api
        self.redis_url = redis_url
        self.workdir = workdir
        self.workers: list[BotProcess] = []
        self.started: list[BotProcess] = []

    async def start(self, count: int = 1) -> list[BotProcess]:
        """Starts `count` more workers at once and waits until each answers /healthz."""
        new = [
            webhook_worker(
                f"worker-{len(self.started) + i + 1}", self.api.url, self.redis_url, self.workdir
            )
            for i in range(count)
        ]
        self.started.extend(new)
        for worker in new:
            worker.start()
        await asyncio.gather(*(worker.wait_healthy() for worker in new))
        self.workers.extend(new)
        return new

    async def ensure(self, count: int) -> list[BotProcess]:
        """Drops dead workers from the rotation and starts new ones up to `count`."""
        self.workers[:] = [w for w in self.workers if w.alive]
        if len(self.workers) < count:
            await self.start(count - len(self.workers))
        return self.workers[:count]

    def stop_all(self) -> None:
        for worker in self.started:
            worker.stop()


@pytest.fixture(scope="module")
def e2e_redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis for these processes alone (other tests flush the shared one)."""
    server = RedisServer(data_dir=tmp_path_factory.mktemp("e2e-redis"))
    server.start()
    yield server.url
    server.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def webhook_api() -> AsyncIterator[BotApiStandIn]:
    api = BotApiStandIn()
    await api.start()
    yield api
    await api.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def pool(
    webhook_api: BotApiStandIn, e2e_redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[WorkerPool]:
    workers = WorkerPool(webhook_api, e2e_redis_url, tmp_path_factory.mktemp("workers"))
    yield workers
    workers.stop_all()


@pytest.fixture(scope="module")
def telegram(webhook_api: BotApiStandIn, pool: WorkerPool) -> WebhookDelivery:
    """Telegram posting updates to the pool's workers, redelivering until one says 200."""
    return WebhookDelivery(webhook_api, pool.workers)
