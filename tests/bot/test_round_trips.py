"""What a borrower's turn costs in Redis calls, through the real dispatcher: one to open the
turn and one to close it, one more for an action that reads a verified borrower's records (the
binding check, dispute holds and plan history together), and a handoff's daily figures written
by the call that creates its ticket."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from redis.asyncio.client import Pipeline

from bot.services import BotServices
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


class RedisCalls:
    """Records each command (or pipeline) the bot's Redis client sends."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def clear(self) -> None:
        self.names.clear()


@pytest.fixture
def calls(services: BotServices, monkeypatch: pytest.MonkeyPatch) -> RedisCalls:
    recorded = RedisCalls()
    execute_command = services.redis.execute_command
    execute_pipeline = Pipeline.execute

    async def command(*args: Any, **options: Any) -> Any:
        recorded.names.append(str(args[0]))
        return await execute_command(*args, **options)

    async def pipeline(self: Pipeline, *args: Any, **options: Any) -> Any:
        recorded.names.append("PIPELINE")
        return await execute_pipeline(self, *args, **options)

    monkeypatch.setattr(services.redis, "execute_command", command)
    monkeypatch.setattr(Pipeline, "execute", pipeline)
    return recorded


async def test_a_new_language_is_remembered_in_the_turns_closing_call(
    chat: ChatDriver, services: BotServices, calls: RedisCalls
) -> None:
    await chat.send("你好")
    calls.clear()
    replies = await chat.send("hello, is anyone there?")
    assert calls.names == ["EVALSHA", "EVALSHA"]
    assert "Hello" in joined(replies) or "Hi" in joined(replies)
    prefs = services.domain.preferences
    assert await prefs.languages(chat.updates.user.id) == (None, "en")


async def test_a_balance_is_one_call_more(chat: ChatDriver, calls: RedisCalls) -> None:
    await chat.verify(*D1001)
    await chat.send("我还欠多少钱")  # the first loads the account script into Redis
    calls.clear()
    text = joined(await chat.send("我还欠多少钱"))
    assert "当前逾期应还：¥2,240.00" in text
    assert calls.names == ["EVALSHA", "EVALSHA", "EVALSHA"]


async def test_hardship_options_read_hold_and_history_with_the_binding(
    chat: ChatDriver, calls: RedisCalls
) -> None:
    await chat.verify(*D1001)
    await chat.send("我还欠多少钱")
    calls.clear()
    text = joined(await chat.send("我想分期还款"))
    assert "分期" in text and "¥2,240.00" in text
    assert calls.names == ["EVALSHA", "EVALSHA", "EVALSHA"]


async def test_an_unverified_borrower_costs_no_account_read(
    chat: ChatDriver, calls: RedisCalls
) -> None:
    await chat.send("你好")
    calls.clear()
    text = joined(await chat.send("我还欠多少钱"))
    assert "¥" not in text
    assert chat.asks_for_contact()
    assert calls.names == ["EVALSHA", "EVALSHA"]


async def test_a_handoff_counts_in_todays_figures_within_the_tickets_own_call(
    new_chat: Callable[..., ChatDriver], services: BotServices, calls: RedisCalls
) -> None:
    await new_chat(5101).send("我要找人工客服")  # the first loads the ticket script into Redis
    chat = new_chat(5102)
    await chat.send("你好")
    calls.clear()
    text = joined(await chat.send("这笔贷款不是我借的，我要投诉"))
    assert "客服" in text
    # The turn's opening; the ticket with today's figures; its topic in the agents' group and
    # the transcript and contact preferences for its card (sent together); the turn's closing.
    assert calls.names == ["EVALSHA", "EVALSHA", "PIPELINE", "XREVRANGE", "HMGET", "EVALSHA"]
    await chat.send("请尽快联系我，我要投诉")  # the ticket is open already: not counted again
    stats = services.domain.stats
    day = await stats.day(stats.today())
    assert (day.handoff_chats, day.handoffs_total) == (2, 2)
    assert day.handoffs == {"request_human": 1, "dispute": 1}
