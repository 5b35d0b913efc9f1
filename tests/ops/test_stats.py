"""Daily figures: conversations, the share the bot handled alone, handoffs, plans, promises."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from actions.domain.stats import DailyStats
from bot.ops.export import days_csv
from tests.ops.conftest import NOW, SHANGHAI


async def test_a_day_counts_distinct_chats_and_what_the_bot_did_alone(
    redis: Redis, clock: FixedClock
) -> None:
    stats = DailyStats(redis, clock, SHANGHAI)
    for chat in (1, 2, 3, 1, 2, 1):
        await stats.record_conversation(chat)
    await stats.record_handoff(2, "dispute")
    await stats.record_handoff(2, "request_human")
    await stats.record_handoff(9, "vulnerable")  # a chat seen only through its handoff
    await stats.incr("plans")
    await stats.incr("promises", 2)
    await stats.incr("callbacks")

    day = await stats.day(date(2025, 3, 10))
    assert day.conversations == 4
    assert day.handoff_chats == 2
    assert day.bot_only == 2
    assert day.handoffs == {"dispute": 1, "request_human": 1, "vulnerable": 1}
    assert day.handoffs_total == 3
    assert (day.plans, day.promises, day.callbacks) == (1, 2, 1)
    assert 399 * 86400 < await redis.ttl("repaybot:stats:2025-03-10:chats") <= 400 * 86400


async def test_days_follow_the_lenders_timezone(redis: Redis, clock: FixedClock) -> None:
    stats = DailyStats(redis, clock, SHANGHAI)
    clock.set(datetime(2025, 3, 9, 23, 30, tzinfo=SHANGHAI))
    await stats.record_conversation(1)
    clock.set(datetime(2025, 3, 10, 0, 30, tzinfo=SHANGHAI))  # 16:30 UTC on the 9th
    await stats.record_conversation(2)
    await stats.record_conversation(3)

    days = await stats.days(3)
    assert [(d.day.isoformat(), d.conversations) for d in days] == [
        ("2025-03-10", 2),
        ("2025-03-09", 1),
        ("2025-03-08", 0),
    ]


async def test_daily_csv_has_a_column_per_reason(redis: Redis, clock: FixedClock) -> None:
    stats = DailyStats(redis, clock, SHANGHAI)
    await stats.record_conversation(1)
    await stats.record_handoff(1, "dispute")
    clock.set(NOW - timedelta(days=1))
    await stats.incr("plans")
    clock.set(NOW)
    lines = days_csv(await stats.days(2)).splitlines()
    assert lines[0].startswith("date,conversations,bot_only,handoff_chats,handoffs,")
    assert "handoffs_dispute" in lines[0]
    header = lines[0].split(",")
    today = dict(zip(header, lines[1].split(","), strict=True))
    yesterday = dict(zip(header, lines[2].split(","), strict=True))
    assert today["conversations"] == "1"
    assert today["bot_only"] == "0"
    assert today["handoffs_dispute"] == "1"
    assert yesterday["plans"] == "1"
