"""A message's parse runs while Redis answers the turn's opening call, and fails or is dropped
with the turn as a parse inside it would."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.nlu.base import NLU, ParseResult
from bot.services import build_services
from bot.settings import Settings
from bot.updates import UpdateFactory


class WatchedNLU:
    """The real NLU; each parse notes the Redis calls sent and answered by then, and can be
    made to fail."""

    def __init__(self, nlu: NLU, redis_events: list[str]) -> None:
        self._nlu = nlu
        self._redis_events = redis_events
        self.seen_at_parse: list[list[str]] = []
        self.failing = False

    async def parse(self, text: str, now: datetime) -> ParseResult:
        self.seen_at_parse.append(list(self._redis_events))
        if self.failing:
            raise RuntimeError("the NLU failed")
        return await self._nlu.parse(text, now)


@dataclass
class Watched:
    nlu: WatchedNLU
    redis_events: list[str]
    dispatcher: Dispatcher
    bot: Bot
    session: LocalSession

    def texts(self) -> str:
        return "\n".join(str(r.text) for r in self.session.sent)


@pytest.fixture
async def watched(
    redis: Redis, redis_url: str, clock: FixedClock, settings: Settings, nlu: NLU
) -> AsyncIterator[Watched]:
    events: list[str] = []
    watched_nlu = WatchedNLU(nlu, events)
    services = build_services(settings, redis_url, clock=clock, nlu=watched_nlu)
    execute = services.redis.execute_command

    async def noted(*args: Any, **options: Any) -> Any:
        events.append(f"sent {args[0]}")
        try:
            return await execute(*args, **options)
        finally:
            events.append(f"answered {args[0]}")

    services.redis.execute_command = noted  # type: ignore[method-assign]
    session = LocalSession()
    bot = build_bot(services, session)
    yield Watched(watched_nlu, events, build_dispatcher(services), bot, session)
    await services.close()


async def test_the_parse_runs_while_the_opening_call_waits_for_redis(watched: Watched) -> None:
    user = UpdateFactory(8301, "en")
    await watched.dispatcher.feed_update(watched.bot, user.text("hello"))
    watched.redis_events.clear()
    watched.nlu.seen_at_parse.clear()
    await watched.dispatcher.feed_update(watched.bot, user.text("how do I pay"))
    # The opening call was on its way and not yet answered when the parse ran.
    assert watched.nlu.seen_at_parse == [["sent EVALSHA"]]
    assert watched.redis_events[:2] == ["sent EVALSHA", "answered EVALSHA"]
    assert "Online banking transfer" in watched.texts()


async def test_a_failed_parse_fails_the_turn_so_the_update_is_handled_again(
    watched: Watched, redis: Redis
) -> None:
    update = UpdateFactory(8302, "en").text("how do I pay")
    watched.nlu.failing = True
    with pytest.raises(RuntimeError, match="the NLU failed"):
        await watched.dispatcher.feed_update(watched.bot, update)
    assert watched.session.sent == []
    assert await redis.get(f"repaybot:update:{watched.bot.id}:{update.update_id}") is None
    watched.nlu.failing = False
    await watched.dispatcher.feed_update(watched.bot, update)  # Telegram delivers it again
    assert "Online banking transfer" in watched.texts()


async def test_a_duplicate_drops_its_parse_quietly(
    watched: Watched, caplog: pytest.LogCaptureFixture
) -> None:
    update = UpdateFactory(8303, "en").text("how do I pay")
    await watched.dispatcher.feed_update(watched.bot, update)
    answered = len(watched.session.sent)
    watched.nlu.failing = True  # a parse nobody takes: its failure is not the turn's
    with caplog.at_level(logging.ERROR):
        await watched.dispatcher.feed_update(watched.bot, update)
        gc.collect()
    assert len(watched.session.sent) == answered
    assert "never retrieved" not in caplog.text
