"""A flow's own wordings are found inside a longer message, not only at its start ("我想先还
一部分可以吗", "麻烦帮我取消回电"); a call declined is not a call asked for; and a request for
a person is one even when it is about something the bot could do itself."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, joined


async def test_a_part_payment_and_what_was_agreed_are_asked_mid_sentence(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver]
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("我想先还一部分可以吗"))
    assert text == "您今天可以先还多少？¥100.00 至 ¥2,240.00 之间的任何金额都可以。"
    await chat.send("算了")
    text = joined(await chat.send("请问我答应了什么"))
    assert text == "您目前没有正在执行的还款方案、还款承诺或预约的回电。"

    en = new_chat(6601, "en")
    await en.verify(*D1002)
    text = joined(await en.send("I'd like to make a partial payment"))
    assert text == "How much can you pay today? Any amount from ¥100.00 up to ¥5,400.00 helps."
    await en.send("no")
    text = joined(await en.send("can you remind me what did I agree to"))
    assert text == "You have no active plan, promise or booked call at the moment."


async def test_a_call_cancelled_mid_sentence_and_calls_declined(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("打电话给我")
    await chat.press(chat.buttons()[0][1])
    [callback] = await services.domain.callbacks.upcoming("D-1001")
    text = joined(await chat.send("麻烦帮我取消回电"))
    assert text.startswith("已取消 2026年12月1日（周二） 10:30–11:00 (Asia/Shanghai) 的回电")
    assert await services.domain.callbacks.upcoming("D-1001") == []

    # Read by the classifier as asking for a call; the words decline calls: no slots offered.
    for declined in ("以后不用打电话给我了", "你们不要再打电话给我"):
        text = joined(await chat.send(declined))
        assert text == (
            "好的，之后不会再向您发送提醒或其他主动消息。您仍然可以随时给我发消息，我会回复您。"
        )
        assert chat.buttons() == []
    assert await services.domain.preferences.opted_out_at(chat.updates.user.id) is not None
    assert await services.domain.callbacks.upcoming("D-1001") == []
    assert callback.callback_id not in text


async def test_a_person_asked_for_about_a_promise_is_still_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6602, "en")
    await chat.verify(*D1002)
    text = joined(await chat.send("I want to talk to a person about changing my promise"))
    assert text.startswith("I have passed your conversation to a member of our team")
    ticket_id = await services.domain.tickets.open_for_chat(chat.updates.chat.id)
    ticket = await services.domain.tickets.get(ticket_id or "")
    assert ticket is not None and ticket.reason == "request_human"
