"""A promise changed or taken back before it is recorded: a new amount, day or time said at
the confirmation is said back again; "no" at a question records nothing; what the borrower
says they cannot pay is never taken as a promise. Today is Tue 1 Dec 2026 in Shanghai."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from decimal import Decimal

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, data_of, joined


async def test_a_change_at_the_confirmation_is_said_back_and_the_changed_promise_recorded(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("周五还500")
    text = joined(await chat.send("改成下周二"))
    assert text == (
        "跟您确认一下：您将在 2026年12月8日（周二） (Asia/Shanghai) 之前还款 ¥500.00，对吗？"
    )
    text = joined(await chat.send("改成300"))
    assert text == (
        "跟您确认一下：您将在 2026年12月8日（周二） (Asia/Shanghai) 之前还款 ¥300.00，对吗？"
    )
    text = joined(await chat.send("不对，是800"))
    assert "之前还款 ¥800.00，对吗？" in text
    assert await services.domain.promises.history("D-1001") == []
    assert await services.domain.tickets.open_for_chat(chat.updates.chat.id) is None
    await chat.send("好的")
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.amount, promise.due_date) == (Decimal("800.00"), date(2026, 12, 8))


async def test_an_english_change_of_amount_and_time_keeps_the_rest_and_books_no_call(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6301, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 500 on Friday")
    text = joined(await chat.send("actually make it 300"))
    assert text == (
        "To confirm: you will pay ¥300.00 by Fri 4 Dec 2026 (Asia/Shanghai). Is that right?"
    )
    text = joined(await chat.send("can I do it at 3pm instead"))
    assert text == (
        "To confirm: you will pay ¥300.00 by Fri 4 Dec 2026 15:00 (Asia/Shanghai). Is that right?"
    )
    await chat.send("yes")
    [promise] = await services.domain.promises.open_promises("D-1002")
    assert (promise.amount, promise.due_date, promise.due_time) == (
        Decimal("300.00"),
        date(2026, 12, 4),
        time(15, 0),
    )
    assert await services.domain.callbacks.upcoming("D-1002") == []


async def test_call_me_at_the_confirmation_is_a_call_back_not_a_change(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6302, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 500 on Friday")
    text = joined(await chat.send("call me at 3pm"))
    assert "Here are the free times closest to what you asked for" in text
    assert await services.domain.promises.history("D-1002") == []


async def test_no_at_the_date_or_amount_question_records_nothing_and_ends_the_promise(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6303, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 300")
    text = joined(await chat.send("no"))
    assert text.startswith("All right, nothing was recorded.")
    # The question is closed: a bare figure now is not taken as the promise's date or amount.
    text = joined(await chat.send("Friday"))
    assert "Please choose a day below" not in text
    zh = new_chat(6304, "zh-hans")
    await zh.verify(*D1001)
    await zh.send("周五还")
    text = joined(await zh.send("算了"))
    assert text.startswith("好的，没有记录任何内容。")
    assert await services.domain.promises.history("D-1001") == []
    assert await services.domain.promises.history("D-1002") == []


async def test_a_bare_day_number_at_the_date_question_is_not_taken_as_the_amount(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6305, "en")
    await chat.verify(*D1002)
    await chat.send("I'll pay 300")
    text = joined(await chat.send("15"))
    assert text == "Please choose a day below or write a date, for example 2026-12-15 or “Friday”."
    text = joined(await chat.send("the 15th"))
    assert text == (
        "To confirm: you will pay ¥300.00 by Tue 15 Dec 2026 (Asia/Shanghai). Is that right?"
    )


async def test_a_day_the_borrower_cannot_pay_gets_the_options_not_a_promise(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    await chat.verify(*D1001)
    for said in ("周五还不上", "明天还不起"):
        text = joined(await chat.send(said))
        assert "您打算还多少" not in text
        assert "现在可以为您办理" in text  # the hardship options
        assert "分期还款：分 2 至 6 期按月还款" in text
    en = new_chat(6306, "en")
    await en.verify(*D1002)
    await en.send("I'll pay on Friday")  # the amount question is open
    text = joined(await en.send("I can't even pay 200 this week"))
    assert "Here is what I can arrange for you right now" in text
    assert "To confirm" not in text
    assert await services.domain.promises.history("D-1001") == []
    assert await services.domain.promises.history("D-1002") == []


async def test_what_follows_a_but_is_the_promise(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("今天还不了，但是明天可以还500"))
    assert text == (
        "跟您确认一下：您将在 2026年12月2日（周三） (Asia/Shanghai) 之前还款 ¥500.00，对吗？"
    )


async def test_the_same_promise_said_again_at_the_confirmation_asks_to_record_it(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("周五还500")
    text = joined(await chat.send("周五还500"))
    assert text == "需要我为您记录吗？"
    await chat.press(data_of(chat, "✅ 对，记录下来"))
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.amount, promise.due_date) == (Decimal("500.00"), date(2026, 12, 4))


async def test_the_full_amount_is_said_back_and_recorded_as_the_exact_overdue_figure(
    new_chat: Callable[..., ChatDriver], chat: ChatDriver, services: BotServices
) -> None:
    en = new_chat(6307, "en")
    await en.verify(*D1002)
    text = joined(await en.send("I'll pay the full amount on the 10th"))
    assert text == (
        "To confirm: you will pay ¥5,400.00 by Thu 10 Dec 2026 (Asia/Shanghai). Is that right?"
    )
    await en.send("yes")
    [promise] = await services.domain.promises.open_promises("D-1002")
    assert (promise.amount, promise.due_date) == (Decimal("5400.00"), date(2026, 12, 10))
    await chat.verify(*D1001)
    await chat.send("下周五还")
    text = joined(await chat.send("全部"))
    assert text == (
        "跟您确认一下：您将在 2026年12月11日（周五） (Asia/Shanghai) 之前还款 ¥2,240.00，对吗？"
    )


async def test_wait_leaves_the_question_open(
    new_chat: Callable[..., ChatDriver], chat: ChatDriver, services: BotServices
) -> None:
    en = new_chat(6308, "en")
    await en.verify(*D1002)
    await en.send("I'll pay 500 on Friday")
    for said in ("wait", "hmm, let me think"):  # read on their own: hardship
        text = joined(await en.send(said))
        assert text == "Of course, take your time. I am here when you are ready."
    await en.send("yes")
    [promise] = await services.domain.promises.open_promises("D-1002")
    assert (promise.amount, promise.due_date) == (Decimal("500.00"), date(2026, 12, 4))
    await chat.verify(*D1001)
    await chat.send("我想分期")
    await chat.send("分3期")
    assert joined(await chat.send("等一下")) == "不着急，您慢慢考虑，我随时都在。"
    await chat.send("好")
    plan = await services.domain.plans.active("D-1001")
    assert plan is not None
    assert plan.installments == 3


async def test_an_amount_with_a_multiplier_is_read_whole(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("我明天还1千"))
    assert text == (
        "跟您确认一下：您将在 2026年12月2日（周三） (Asia/Shanghai) 之前还款 ¥1,000.00，对吗？"
    )
