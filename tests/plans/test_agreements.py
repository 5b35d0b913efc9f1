""" "What did I agree to?": the active plan, open promises and the booked callback, in full."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from actions.domain.hardship import quote_deferral
from bot.services import BotServices
from tests.bot.conftest import D1001, D1003, SHANGHAI
from tests.harness import ChatDriver, data_of, joined


async def test_nothing_agreed_yet(new_chat: Callable[..., ChatDriver]) -> None:
    chat = new_chat(6401, "en")
    await chat.verify(*D1003)
    text = joined(await chat.send("what did I agree to?"))
    assert text == "You have no active plan, promise or booked call at the moment."


async def test_plan_promise_and_callback_are_all_listed_with_their_ids(
    chat: ChatDriver, services: BotServices
) -> None:
    # Agreed earlier (the flows that record them are tested on their own).
    domain = services.domain
    borrower = await domain.ledger.get("D-1001")
    assert borrower is not None
    quote = quote_deferral(
        borrower, days=7, policy=domain.policy, history=[], now=services.clock.now()
    )
    plan = await domain.plans.record(quote)
    promise = await domain.promises.record(
        borrower, amount=Decimal("200"), due_date=None, policy=domain.policy, kind="partial"
    )
    booked = await domain.callbacks.book(
        "D-1001", datetime(2026, 12, 1, 11, tzinfo=SHANGHAI), SHANGHAI
    )
    assert booked.callback is not None
    callback = booked.callback
    await chat.verify(*D1001)

    for ask in ("/agreements", "我答应了什么"):
        text = joined(await chat.send(ask))
        assert text == (
            "以下是您与我们的约定：\n\n"
            f"延期还款方案 {plan.plan_id}：\n"
            "1. 2026年12月8日（周二）  ¥2,240.00\n合计：¥2,240.00\n\n"
            f"部分还款 {promise.promise_id}：2026年12月1日（周二） (Asia/Shanghai) 还款 ¥200.00\n\n"
            f"预约回电 {callback.callback_id}：2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai)"
        )
        assert [label for label, _ in chat.buttons()] == [
            f"✏️ 修改承诺 {promise.promise_id}",
            f"❌ 取消承诺 {promise.promise_id}",
            "🕑 改约时间",
            "❌ 取消回电",
        ]

    text = joined(await chat.press(data_of(chat, "❌ 取消回电")))
    assert "已取消 2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai) 的回电" in text
    assert await domain.callbacks.upcoming("D-1001") == []
    assert "预约回电" not in joined(await chat.send("/agreements"))


async def test_a_plan_agreed_in_the_chat_is_listed(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6403, "en")
    await chat.verify(*D1001)
    await chat.send("Could I defer 7 days?")
    await chat.send("yes")
    plan = await services.domain.plans.active("D-1001")
    assert plan is not None
    text = joined(await chat.send("What did I agree to?"))
    assert f"Deferral {plan.plan_id}:\n1. Tue 8 Dec 2026  ¥2,240.00\nTotal: ¥2,240.00" in text


async def test_agreements_need_verification_first(new_chat: Callable[..., ChatDriver]) -> None:
    chat = new_chat(6402)
    text = joined(await chat.send("/agreements"))
    assert "核实您的身份" in text
    assert chat.asks_for_contact()
    await chat.share_contact(D1001[0])
    text = joined(await chat.send(D1001[1]))
    assert "您目前没有正在执行的还款方案、还款承诺或预约的回电。" in text


async def test_asked_while_a_promise_waits_for_its_date(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6402, "en")
    await chat.verify(*D1003)
    assert "On which date will you pay?" in joined(await chat.send("I will pay 500"))
    text = joined(await chat.send("what did I agree to?"))
    assert text == "You have no active plan, promise or booked call at the moment."
