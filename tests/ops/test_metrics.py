"""/metrics: what a Prometheus scrape sees after the bot handled updates and opened tickets."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from aiogram.types import Chat, Message, TelegramObject, Update
from aiohttp import web
from aiohttp.test_utils import TestClient
from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import Metrics
from bot.middlewares.metrics import MetricsMiddleware
from tests.ops.conftest import TOKEN, Queue

Client = TestClient[web.Request, web.Application]


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def message_update(update_id: int) -> Update:
    chat = Chat(id=1, type="private")
    message = Message(message_id=update_id, date=datetime.now(UTC), chat=chat, text="hi")
    return Update(update_id=update_id, message=message)


async def test_middleware_counts_updates_intents_and_latency(metrics: Metrics) -> None:
    middleware = MetricsMiddleware(metrics)

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        await asyncio.sleep(0.06)
        data["convo"] = SimpleNamespace(intent=data["said"])
        return "handled"

    for update_id, said in enumerate(["greet", "dispute", "greet"]):
        data: dict[str, Any] = {"said": said}
        assert await middleware(handler, message_update(update_id), data) == "handled"

    async def fails(event: TelegramObject, data: dict[str, Any]) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await middleware(fails, Update(update_id=9), {})

    got = samples(metrics.render().decode())
    assert got[("repaybot_updates_total", (("type", "message"),))] == 3
    assert got[("repaybot_updates_total", (("type", "unknown"),))] == 1
    assert got[("repaybot_intents_total", (("intent", "greet"),))] == 2
    assert got[("repaybot_intents_total", (("intent", "dispute"),))] == 1
    assert got[("repaybot_update_seconds_count", ())] == 4
    assert got[("repaybot_update_seconds_bucket", (("le", "0.05"),))] == 1  # only the failure
    assert got[("repaybot_update_seconds_sum", ())] >= 0.18


async def test_scrape_reports_queue_depth_breaches_and_handoffs(
    client: Client, queue: Queue, metrics: Metrics
) -> None:
    metrics.count_handoff("dispute", "high")
    metrics.count_handoff("dispute", "high")
    metrics.count_handoff("vulnerable", "urgent")
    response = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=")
    got = samples(await response.text())
    assert got[("repaybot_queue_depth", (("priority", "high"),))] == 2
    assert got[("repaybot_queue_depth", (("priority", "normal"),))] == 1
    assert got[("repaybot_queue_depth", (("priority", "urgent"),))] == 0
    assert got[("repaybot_sla_breaches", (("priority", "high"),))] == 1
    assert got[("repaybot_sla_breaches", (("priority", "normal"),))] == 0
    handoffs = "repaybot_handoffs_total"
    assert got[(handoffs, (("priority", "high"), ("reason", "dispute")))] == 2
    assert got[(handoffs, (("priority", "urgent"), ("reason", "vulnerable")))] == 1


def test_each_metrics_instance_has_its_own_registry() -> None:
    first, second = Metrics(), Metrics()
    first.count_intent("greet")
    assert b'repaybot_intents_total{intent="greet"} 1.0' in first.render()
    assert b"intent=" not in second.render()
