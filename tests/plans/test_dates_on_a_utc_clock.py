"""The server's clock runs on UTC, as in production: at 07:00 in Shanghai it is still the day
before there, and "tomorrow" must still be the borrower's tomorrow."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from actions.domain.clock import FixedClock
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 30, 23, 0, tzinfo=UTC))  # Tue 1 Dec, 07:00 in Shanghai


async def test_tomorrow_in_a_promise_is_the_borrowers_tomorrow(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("我明天还500"))
    assert "您将在 2026年12月2日（周三） (Asia/Shanghai) 之前还款 ¥500.00" in text


async def test_next_friday_typed_at_the_date_question(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    assert "您打算哪天还款？" in joined(await chat.send("我会还500"))
    text = joined(await chat.send("下周五"))
    assert "您将在 2026年12月11日（周五） (Asia/Shanghai) 之前还款 ¥500.00" in text


async def test_a_call_back_tomorrow_afternoon_offers_tomorrows_slots(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    await chat.send("我想预约回电")
    assert "最接近您所说时间" in joined(await chat.send("明天下午3点"))
    labels = [label for label, _ in chat.buttons()]
    assert labels[0] == "2026年12月2日（周三） 14:00"
