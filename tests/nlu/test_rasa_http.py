"""The Rasa adapter against a small aiohttp stand-in for `/model/parse` on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from bot.nlu.classifier import ClassifierNLU
from bot.nlu.rasa_http import RasaHttpNLU, RasaUnavailableError

from .conftest import NOW


@pytest.fixture
async def rasa_server() -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []

    async def parse(request: web.Request) -> web.Response:
        body = await request.json()
        received.append(body)
        text = body["text"]
        intent = "promise_to_pay" if "还" in text else "greet"
        return web.json_response(
            {
                "text": text,
                "intent": {"name": intent, "confidence": 0.91},
                "entities": [
                    {"entity": "date", "value": "下周五", "start": 0, "end": 3},
                    {"entity": "bank", "value": "支付宝", "start": 9, "end": 12},
                ],
                "intent_ranking": [
                    {"name": intent, "confidence": 0.91},
                    {"name": "affirm", "confidence": 0.09},
                ],
            }
        )

    app = web.Application()
    app.router.add_post("/model/parse", parse)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}", received
    await runner.cleanup()


async def test_rasa_answer_is_mapped_and_entities_resolved(rasa_server) -> None:  # type: ignore[no-untyped-def]
    url, received = rasa_server
    nlu = RasaHttpNLU(url)
    try:
        result = await nlu.parse("下周五还三千，用支付宝", NOW)
    finally:
        await nlu.aclose()
    assert received == [{"text": "下周五还三千，用支付宝"}]
    assert result.intent.name == "promise_to_pay"
    assert result.intent.confidence == pytest.approx(0.91)
    assert result.lang == "zh"
    assert result.entity("date") == "2026-12-11"
    assert result.entity("amount") == "3000.00"
    assert result.entity("bank") == "支付宝"


async def test_safety_net_applies_to_rasa_answers(rasa_server) -> None:  # type: ignore[no-untyped-def]
    url, _ = rasa_server
    nlu = RasaHttpNLU(url)
    try:
        result = await nlu.parse("hi, I'm going to kill myself", NOW)
    finally:
        await nlu.aclose()
    assert result.intent.name == "vulnerable"
    assert result.escalate
    assert "self_harm:suicide" in result.signals


async def test_unreachable_server_raises_or_falls_back(nlu: ClassifierNLU) -> None:
    dead = "http://127.0.0.1:9"
    alone = RasaHttpNLU(dead, timeout=1)
    with pytest.raises(RasaUnavailableError):
        await alone.parse("hi", NOW)
    await alone.aclose()
    backed = RasaHttpNLU(dead, timeout=1, fallback=nlu)
    result = await backed.parse("转人工", NOW)
    await backed.aclose()
    assert result.intent.name == "request_human"
