"""A change said right after a promise or a call was agreed, without naming it ("能不能改到下周一",
"can we make it 300", "250 instead"), is to that agreement; said later, or naming nothing
new, it goes where it would otherwise. Today is Tue 1 Dec 2026 10:00 in Shanghai."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002, SHANGHAI
from tests.harness import ChatDriver, data_of, joined


async def test_a_new_day_for_it_changes_the_promise_just_recorded(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("我下周五还500")
    await chat.press(data_of(chat, "✅ 对，记录下来"))
    [first] = await services.domain.promises.open_promises("D-1001")

    text = joined(await chat.send("能不能改到下周一"))
    assert text == (
        f"跟您确认一下：还款承诺 {first.promise_id} 由 2026年12月11日（周五） (Asia/Shanghai)"
        " 之前还款 ¥500.00，改为 2026年12月7日（周一） (Asia/Shanghai) 之前还款 ¥500.00，对吗？"
    )
    text = joined(await chat.press(data_of(chat, "✅ 对，记录下来")))
    [changed] = await services.domain.promises.open_promises("D-1001")
    assert (changed.amount, changed.due_date, changed.replaces) == (
        Decimal("500.00"),
        date(2026, 12, 7),
        first.promise_id,
    )
    assert f"替代 {first.promise_id}" in text


async def test_a_new_amount_for_it_keeps_the_day_and_can_follow_again(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6401, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 200 tomorrow")
    await chat.press(data_of(chat, "✅ Yes, record it"))
    [first] = await services.domain.promises.open_promises("D-1002")

    text = joined(await chat.send("can we make it 300"))
    assert text == (
        f"To confirm: promise {first.promise_id}, ¥200.00 by Wed 2 Dec 2026 (Asia/Shanghai),"
        " changes to ¥300.00 by Wed 2 Dec 2026 (Asia/Shanghai). Is that right?"
    )
    await chat.press(data_of(chat, "✅ Yes, record it"))
    [second] = await services.domain.promises.open_promises("D-1002")
    assert (second.amount, second.due_date) == (Decimal("300.00"), date(2026, 12, 2))

    await chat.send("how do I pay")
    text = joined(await chat.send("could we do 250 instead"))
    assert f"promise {second.promise_id}, ¥300.00 by Wed 2 Dec 2026" in text
    assert "changes to ¥250.00 by Wed 2 Dec 2026 (Asia/Shanghai)" in text


async def test_an_explicit_change_of_amount_keeps_the_day_too(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6402, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 200 on Friday at 3pm")
    await chat.press(data_of(chat, "✅ Yes, record it"))
    text = joined(await chat.send("please change my promise to 400"))
    assert "changes to ¥400.00 by Fri 4 Dec 2026 15:00 (Asia/Shanghai). Is that right?" in text


async def test_a_change_long_after_the_promise_is_not_taken_for_it(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6403, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 200 tomorrow")
    await chat.press(data_of(chat, "✅ Yes, record it"))
    for text in ("what do I owe", "how do I pay", "thanks", "hello again"):
        await chat.send(text)
    text = joined(await chat.send("can we make it 300"))
    assert "changes to" not in text
    [promise] = await services.domain.promises.open_promises("D-1002")
    assert promise.amount == Decimal("200.00")


async def test_naming_nothing_new_is_not_a_change(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1001)
    await chat.send("我下周五还500")
    await chat.press(data_of(chat, "✅ 对，记录下来"))
    text = joined(await chat.send("换成支付宝可以吗"))
    assert "您可以通过以下任一方式还款" in text
    assert "对吗" not in text


async def test_a_new_time_for_it_moves_the_call_just_booked_on_its_day(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("明天下午3点给我打电话")
    await chat.press(data_of(chat, "2026年12月2日（周三） 15:00"))
    [booked] = await services.domain.callbacks.upcoming("D-1001")

    await chat.send("能不能改到下午4点")
    labels = [label for label, _ in chat.buttons()]
    assert "2026年12月2日（周三） 16:00" in labels
    assert not [label for label in labels if label.startswith("2026年12月1日")]
    await chat.press(data_of(chat, "2026年12月2日（周三） 16:00"))
    [moved] = await services.domain.callbacks.upcoming("D-1001")
    assert moved.start == datetime(2026, 12, 2, 16, 0, tzinfo=SHANGHAI)
    assert moved.replaces == booked.callback_id


async def test_asking_for_more_time_on_it_asks_the_new_day(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("我明天还500")
    await chat.press(data_of(chat, "✅ 对，记录下来"))
    [promise] = await services.domain.promises.open_promises("D-1001")
    text = joined(await chat.send("能不能推迟几天"))
    assert f"承诺 {promise.promise_id}" in text
    assert "您打算哪天还款" in text
    text = joined(await chat.send("周五"))
    assert "改为 2026年12月4日（周五） (Asia/Shanghai) 之前还款 ¥500.00，对吗？" in text
