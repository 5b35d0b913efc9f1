"""Balances with the exact figures of each demo borrower, in the stage's tone."""

from __future__ import annotations

from collections.abc import Callable

from tests.bot.conftest import D1001, D1002, D1003
from tests.harness import ChatDriver, joined


async def test_d1001_balance_in_chinese(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("我还欠多少钱"))
    assert "当前逾期应还：¥2,240.00" in text
    assert "当期本金：¥2,000.00" in text
    assert "利息：¥180.00" in text
    assert "逾期费用：¥60.00" in text
    assert "逾期天数：12 天" in text
    assert "剩余本金：¥24,000.00" in text
    assert "下一还款日：2026年12月15日（周二）" in text
    assert "以上数据截至 2026年12月1日（周二） 10:00 (Asia/Shanghai)" in text
    # 6–30 days: clear and direct, no talk of consequences yet.
    assert "请您尽快归还逾期金额" in text
    assert "征信" not in text


async def test_d1002_balance_in_english_by_menu_button(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6001, "en")
    await chat.verify(*D1002)
    text = joined(await chat.press("menu:balance"))
    assert "Overdue now: ¥5,400.00" in text
    assert "Instalment principal: ¥5,000.00" in text
    assert "Interest: ¥300.00" in text
    assert "Late fees: ¥100.00" in text
    assert "Days past due: 45" in text
    assert "Outstanding principal: ¥30,000.00" in text
    assert "Next due date: Sat 5 Dec 2026" in text
    # Over 30 days: factual about consequences, never threatening.
    assert "credit reference system" in text
    for word in ("family", "employer", "police", "lawsuit"):
        assert word not in text.lower()


async def test_d1003_balance(new_chat: Callable[..., ChatDriver]) -> None:
    chat = new_chat(6002)
    await chat.verify(*D1003)
    text = joined(await chat.send("还欠多少"))
    assert "当前逾期应还：¥18,600.00" in text
    assert "当期本金：¥17,000.00" in text
    assert "利息：¥1,100.00" in text
    assert "逾期费用：¥500.00" in text
    assert "逾期天数：95 天" in text
    assert "剩余本金：¥60,000.00" in text
    assert "征信" in text


async def test_one_borrower_never_sees_another_borrowers_figures(
    new_chat: Callable[..., ChatDriver],
) -> None:
    first, second = new_chat(6003), new_chat(6004)
    await first.verify(*D1001)
    await second.verify(*D1003)
    assert "18,600.00" not in joined(await first.send("我还欠多少钱"))
    assert "2,240.00" not in joined(await second.send("我还欠多少钱"))
