"""Redis going away and coming back, records surviving a restart, floods, replays."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.nlu.base import NLU
from bot.redis_server import RedisServer
from bot.services import BotServices, build_services
from bot.settings import Settings
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


@pytest.fixture
async def own_redis(tmp_path: Path) -> AsyncIterator[RedisServer]:
    """A Redis of this test's own, to stop and restart (AOF on, as in production)."""
    server = RedisServer(data_dir=tmp_path / "redis")
    server.start()
    yield server
    server.stop()


async def test_redis_outage_gets_a_polite_answer_logged_once_and_recovers(
    own_redis: RedisServer, clock: FixedClock, caplog: pytest.LogCaptureFixture, nlu: NLU
) -> None:
    services = build_services(Settings(), own_redis.url, clock=clock, nlu=nlu)
    session = LocalSession()
    chat = ChatDriver(
        build_dispatcher(services), build_bot(services, session=session), session, 7100, "en"
    )
    try:
        await chat.verify(*D1001)
        own_redis.stop()
        caplog.set_level(logging.ERROR)
        first = await chat.send("what do I owe")
        second = await chat.send("hello?")
        assert first == [
            "Sorry, our service is temporarily unavailable. Please try again in a few minutes."
        ]
        assert second == []  # one apology per chat, not one per message
        outage_lines = [r for r in caplog.records if "unreachable" in r.getMessage()]
        assert len(outage_lines) == 1
        assert not [r for r in caplog.records if r.exc_info]  # no crash tracebacks

        own_redis.start()  # same port, same data directory: the binding survived (AOF)
        replies = await chat.send("what do I owe")
        assert "Overdue now: ¥2,240.00" in joined(replies)
    finally:
        await services.close()


async def test_business_records_survive_a_redis_restart(
    own_redis: RedisServer, clock: FixedClock, nlu: NLU
) -> None:
    services = build_services(Settings(), own_redis.url, clock=clock, nlu=nlu)
    chat = None
    try:
        session = LocalSession()
        chat = ChatDriver(
            build_dispatcher(services), build_bot(services, session=session), session, 7101, "zh"
        )
        await chat.verify(*D1001)
        await chat.send("转人工")
        [ticket] = await services.domain.tickets.all()
        own_redis.stop()
        own_redis.start()
        restored = await services.domain.tickets.get(ticket.ticket_id)
        assert restored is not None and restored.reason == "request_human"
        assert "转人工" in [e.text for e in await services.transcripts.entries(7101)]
        assert await services.domain.identity.bound_borrower(7101) == "D-1001"
    finally:
        await services.close()


async def test_a_flood_is_throttled_politely_and_nothing_is_lost_from_the_transcript(
    redis: Redis, redis_url: str, clock: FixedClock, nlu: NLU
) -> None:
    services = build_services(Settings(), redis_url, clock=clock, nlu=nlu)  # production limits
    session = LocalSession()
    chat = ChatDriver(
        build_dispatcher(services), build_bot(services, session=session), session, 7102, "en"
    )
    replies: list[str] = []
    for n in range(100):
        replies += await chat.send(f"hello {n}")
    assert (
        replies.count(
            "You are sending messages very quickly. I have kept all of them; please wait a few "
            "seconds and I will answer."
        )
        == 1
    )
    incoming = [e.text for e in await services.transcripts.entries(7102) if e.direction == "in"]
    assert incoming == [f"hello {n}" for n in range(100)]
    await services.close()


BUSINESS_RECORDS = (
    "repaybot:ticket:",  # tickets and their pointers
    "repaybot:tickets",
    "repaybot:ticket-events",
    "repaybot:hold:",
    "repaybot:plans:",
    "repaybot:plan-active:",
    "repaybot:promises:",
    "repaybot:{cb}",  # callbacks
    "repaybot:prefs:",  # language and the opt-out
    "repaybot:outbox",
)


async def test_every_key_that_is_not_a_business_record_expires(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(7103, "zh-hans")
    await chat.verify(*D1001)
    for text in ("我还欠多少钱", "怎么还款", "退订", "乱七八糟", "转人工"):
        await chat.send(text)
    checked, without_ttl = [], []
    async for raw in services.redis.scan_iter(match="*"):
        key = raw.decode()
        if key.startswith(BUSINESS_RECORDS):
            continue
        checked.append(key)
        if await services.redis.ttl(key) < 0:
            without_ttl.append(key)
    assert without_ttl == []
    for expected in (
        "repaybot:identity:binding:7103",
        "repaybot:transcript:7103",
        "repaybot:turns:7103",
    ):
        assert expected in checked
    assert any(key.startswith("repaybot:fsm:") for key in checked)
    assert any(key.startswith("repaybot:update:") for key in checked)
