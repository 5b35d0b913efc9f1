"""Promises to pay and part payments: an amount and an exact date, asked for when missing or
outside the limits, said back in the borrower's timezone, and recorded once confirmed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from decimal import Decimal

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, data_of, joined


async def test_pay_on_friday_asks_the_amount_confirms_the_exact_date_and_records(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("周五还"))
    assert "您打算还多少？" in text
    assert "最多 ¥2,240.00" in text
    text = joined(await chat.send("500"))
    assert (
        text
        == "跟您确认一下：您将在 2026年12月4日（周五） (Asia/Shanghai) 之前还款 ¥500.00，对吗？"
    )
    assert await services.domain.promises.history("D-1001") == []
    text = joined(await chat.press(data_of(chat, "✅ 对，记录下来")))
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.amount, promise.due_date, promise.due_time) == (
        Decimal("500.00"),
        date(2026, 12, 4),
        None,
    )
    assert promise.kind == "promise"
    assert promise.timezone == "Asia/Shanghai"
    assert (
        f"谢谢您，已记录：2026年12月4日（周五） (Asia/Shanghai) 之前还款 ¥500.00"
        f"（编号 {promise.promise_id}）" in text
    )


async def test_amount_date_and_time_in_one_english_message(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6201, "en")
    await chat.verify(*D1002)
    text = joined(await chat.send("I'll pay 500 on the 15th at 3pm"))
    assert text == (
        "To confirm: you will pay ¥500.00 by Tue 15 Dec 2026 15:00 (Asia/Shanghai). Is that right?"
    )
    text = joined(await chat.send("yes"))
    [promise] = await services.domain.promises.open_promises("D-1002")
    assert (promise.due_date, promise.due_time) == (date(2026, 12, 15), time(15, 0))
    assert (
        "Thank you, noted: ¥500.00 by Tue 15 Dec 2026 15:00 (Asia/Shanghai)"
        f" (reference {promise.promise_id})." in text
    )


async def test_amount_over_the_overdue_and_a_date_too_far_are_explained_and_asked_again(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("我会还3000"))
    assert "¥3,000.00 超过了逾期金额 ¥2,240.00" in text
    assert "您打算还多少？" in text
    labels = dict(chat.buttons())
    assert "📞 预约回电" in labels
    assert "🙋 转人工" in labels

    text = joined(await chat.send("2000"))
    assert "您打算哪天还款？" in text
    assert "最晚 2026年12月15日（周二） (Asia/Shanghai)" in text
    text = joined(await chat.send("12月20日"))
    assert (
        "2026年12月20日（周日） 距今超过 14 天；这里最晚可以约定到 2026年12月15日（周二）。" in text
    )
    labels = dict(chat.buttons())
    assert list(labels)[:7] == [
        "2026年12月1日（周二）",
        "2026年12月2日（周三）",
        "2026年12月3日（周四）",
        "2026年12月4日（周五）",
        "2026年12月5日（周六）",
        "2026年12月6日（周日）",
        "2026年12月7日（周一）",
    ]
    text = joined(await chat.press(labels["2026年12月7日（周一）"]))
    assert "您将在 2026年12月7日（周一） (Asia/Shanghai) 之前还款 ¥2,000.00" in text
    await chat.send("确认")
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.amount, promise.due_date) == (Decimal("2000.00"), date(2026, 12, 7))


async def test_a_date_already_past_is_refused(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1001)
    await chat.send("我会还500")
    text = joined(await chat.send("11月30日"))
    assert "2026年11月30日（周一） 已经过去了" in text
    assert "您打算哪天还款？" in text
    assert await services.domain.promises.history("D-1001") == []


async def test_part_payment_now_from_100_is_recorded_as_a_promise_for_today(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("有多少先还多少"))
    assert "您今天可以先还多少？¥100.00 至 ¥2,240.00 之间的任何金额都可以。" in text
    text = joined(await chat.send("50"))
    assert "部分还款金额至少为 ¥100.00；¥50.00 低于这个金额。" in text
    text = joined(await chat.send("300元"))
    assert (
        text == "跟您确认一下：您今天（2026年12月1日（周二） (Asia/Shanghai)）先还 ¥300.00，对吗？"
    )
    text = joined(await chat.send("好的"))
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.kind, promise.amount, promise.due_date) == (
        "partial",
        Decimal("300.00"),
        date(2026, 12, 1),
    )
    assert promise.promise_id in text


async def test_some_now_and_the_rest_later_notes_todays_part(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("先还200，剩下的下个月还"))
    assert (
        text == "跟您确认一下：您今天（2026年12月1日（周二） (Asia/Shanghai)）先还 ¥200.00，对吗？"
    )
    await chat.send("好的")
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.kind, promise.amount, promise.due_date) == (
        "partial",
        Decimal("200.00"),
        date(2026, 12, 1),
    )
    # a question about paying part first is no promise
    assert "现在可以为您办理" in joined(await chat.send("先还2000，后面的罚息能冻结吗"))


async def test_part_payment_from_the_hardship_options(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6202, "en")
    await chat.verify(*D1001)
    await chat.send("installment plan please")
    text = joined(await chat.press(data_of(chat, "💵 Pay part now")))
    assert "How much can you pay today? Any amount from ¥100.00 up to ¥2,240.00 helps." in text
    await chat.send("¥1,000")
    text = joined(await chat.press(data_of(chat, "✅ Yes, record it")))
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert promise.amount == Decimal("1000.00")
    assert "Thank you, noted: ¥1,000.00 today, Tue 1 Dec 2026 (Asia/Shanghai)" in text


async def test_changing_ones_mind_records_nothing_and_stale_buttons_do_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("周五还")
    await chat.send("500")
    confirm = data_of(chat, "✅ 对，记录下来")
    text = joined(await chat.press(data_of(chat, "✏️ 不对，修改")))
    assert "没有记录任何内容" in text
    assert await chat.press(confirm) == []
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    assert await services.domain.promises.history("D-1001") == []


async def test_a_bare_small_figure_with_no_question_open_is_not_a_promise_of_that_much(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("3"))
    assert text == "抱歉，我没有完全理解。您可以换个说法，或在菜单中选择。"
    assert [label for label, _ in chat.buttons()][:2] == ["💰 查询欠款", "🏦 还款方式"]
    text = joined(await chat.send("500"))  # from the smallest part payment up: an amount
    assert text.startswith("您打算哪天还款？")
    await chat.press(chat.buttons()[3][1])  # Fri 4 Dec
    await chat.press(data_of(chat, "✅ 对，记录下来"))
    [promise] = await services.domain.promises.open_promises("D-1001")
    assert (promise.amount, promise.due_date) == (Decimal("500.00"), date(2026, 12, 4))


async def test_an_objection_to_the_confirmation_records_nothing(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    # The classifier reads "that's unfair" and "好离谱" as a yes.
    en = new_chat(6601, "en")
    await en.verify(*D1001)
    assert "Is that right?" in joined(await en.send("I'll pay 500 on friday"))
    assert await en.send("that's unfair") == ["Shall I record it?"]
    zh = new_chat(6602)
    await zh.verify(*D1001)
    assert "对吗？" in joined(await zh.send("周五还500"))
    assert await zh.send("好离谱") == ["需要我为您记录吗？"]
    assert await services.domain.promises.history("D-1001") == []
    # a plain yes still records
    assert "Thank you, noted: ¥500.00 by Fri 4 Dec 2026" in joined(await en.send("ok fine"))
    assert len(await services.domain.promises.open_promises("D-1001")) == 1


async def test_some_now_and_the_rest_later_notes_todays_part_payment(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6603, "en")
    await chat.verify(*D1001)
    # before, ¥300 was dated on the 15th: the day named for the rest
    assert await chat.send("I can pay 300 now and the rest on the 15th") == [
        "To confirm: you will pay ¥300.00 today, Tue 1 Dec 2026 (Asia/Shanghai). Is that right?"
    ]


async def test_a_cantonese_yes_or_no_answers_the_confirmation(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    no = new_chat(6604)
    await no.verify(*D1001)
    assert "对吗？" in joined(await no.send("周五还500"))
    await no.send("唔係")
    assert await services.domain.promises.history("D-1001") == []
    yes = new_chat(6605)
    await yes.verify(*D1001)
    assert "对吗？" in joined(await yes.send("周五还500"))
    assert "已记录" in joined(await yes.send("係"))
    assert len(await services.domain.promises.open_promises("D-1001")) == 1


async def test_asking_whether_an_amount_will_do_is_an_offer_to_pay_it(
    new_chat: Callable[..., ChatDriver],
) -> None:
    # the classifier reads both as asking how to pay
    en = new_chat(6606, "en")
    await en.verify(*D1001)
    assert joined(await en.send("can i pay 50")).startswith("On which date will you pay?")
    assert (await en.send("tomorrow")) == [
        "To confirm: you will pay ¥50.00 by Wed 2 Dec 2026 (Asia/Shanghai). Is that right?"
    ]
    zh = new_chat(6607)
    await zh.verify(*D1001)
    assert joined(await zh.send("能还50吗")).startswith("您打算哪天还款？")


async def test_in_two_weeks_is_the_date_two_weeks_from_today(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6608, "en")
    await chat.verify(*D1001)
    # before, the date was asked for again
    assert await chat.send("I'll pay 500 in two weeks") == [
        "To confirm: you will pay ¥500.00 by Tue 15 Dec 2026 (Asia/Shanghai). Is that right?"
    ]


WHEN_ABLE_EN = (
    "Thank you for wanting to pay. To note a promise I need a day: if you can tell me roughly"
    " when you expect to pay (for example “on the 15th” or “next Friday”), I will note it. If"
    " you cannot say yet, paying in instalments or later may make it easier to manage: tap"
    " below to see the options."
)


async def test_paying_when_there_is_money_asks_for_a_day_and_shows_the_plans(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    en = new_chat(6609, "en")
    await en.verify(*D1001)
    # before, the amount was asked for, as if a day had been named
    assert await en.send("I'll pay when I have the money") == [WHEN_ABLE_EN]
    assert en.buttons() == [("🤝 I can't pay in full", "menu:hardship")]
    assert await services.domain.promises.history("D-1001") == []
    # a day named next makes it a promise
    assert joined(await en.send("I'll pay next friday")).startswith("How much will you pay?")
    zh = new_chat(6610)
    await zh.verify(*D1001)
    for text in ("有钱了就还", "等发工资了就还给你们"):
        assert joined(await zh.send(text)).startswith("感谢您愿意还款。记录还款承诺需要一个日期")
        assert zh.buttons() == [("🤝 暂时还不上", "menu:hardship")]
    # with a day or an amount in it, it is a promise like any other
    assert joined(await zh.send("有钱了就还500")).startswith("您打算哪天还款？")


async def test_paying_when_there_is_money_before_verifying_is_answered_once_verified(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6611, "en")
    first = joined(await chat.send("I'll pay when I have the money"))
    assert first.startswith("To protect your account, I first need to confirm who you are.")
    assert "¥" not in first  # nothing about the loan before verifying
    phone, id_last4 = D1001
    await chat.share_contact(phone)
    replies = await chat.send(id_last4)
    # before, the resumed promise asked for the amount
    assert replies == ["Thank you, you are verified.", WHEN_ABLE_EN]
    assert chat.buttons() == [("🤝 I can't pay in full", "menu:hardship")]
