""" "What did I agree to?": the active plan, open promises and the booked callback, in full."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import BotServices
from tests.bot.conftest import D1001, D1003
from tests.harness import ChatDriver, joined


def data_of(chat: ChatDriver, label: str) -> str:
    return dict(chat.buttons())[label]


async def test_nothing_agreed_yet(new_chat: Callable[..., ChatDriver]) -> None:
    chat = new_chat(6401, "en")
    await chat.verify(*D1003)
    text = joined(await chat.send("what did I agree to?"))
    assert text == "You have no active plan, promise or booked call at the moment."


async def test_plan_promise_and_callback_are_all_listed_with_their_ids(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.press("plan:d:7")
    await chat.send("是的")
    await chat.send("有多少先还多少")
    await chat.send("200")
    await chat.send("确认")
    await chat.send("打电话给我")
    await chat.press(data_of(chat, "2026年12月1日（周二） 11:00"))
    plan = await services.domain.plans.active("D-1001")
    [promise] = await services.domain.promises.open_promises("D-1001")
    [callback] = await services.domain.callbacks.upcoming("D-1001")
    assert plan is not None

    for ask in ("/agreements", "我答应了什么"):
        text = joined(await chat.send(ask))
        assert text == (
            "以下是您与我们的约定：\n\n"
            f"延期还款方案 {plan.plan_id}：\n"
            "1. 2026年12月8日（周二）  ¥2,240.00\n合计：¥2,240.00\n\n"
            f"部分还款 {promise.promise_id}：2026年12月1日（周二） (Asia/Shanghai) 还款 ¥200.00\n\n"
            f"预约回电 {callback.callback_id}：2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai)"
        )
        assert [label for label, _ in chat.buttons()] == ["🕑 改约时间", "❌ 取消回电"]

    text = joined(await chat.press(data_of(chat, "❌ 取消回电")))
    assert "已取消 2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai) 的回电" in text
    assert await services.domain.callbacks.upcoming("D-1001") == []
    assert "预约回电" not in joined(await chat.send("/agreements"))


async def test_agreements_need_verification_first(new_chat: Callable[..., ChatDriver]) -> None:
    chat = new_chat(6402)
    text = joined(await chat.send("/agreements"))
    assert "核实您的身份" in text
    assert chat.asks_for_contact()
    await chat.share_contact(D1001[0])
    text = joined(await chat.send(D1001[1]))
    assert "您目前没有正在执行的还款方案、还款承诺或预约的回电。" in text
