"""Hardship plans through the real dispatcher and Redis: options, exact quotes, an explicit yes,
the plan recorded with its id; outside the limits, the reason and a callback or a person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.factory import key_builder
from bot.services import BotServices
from tests.bot.conftest import D1001, D1002, D1003
from tests.harness import ChatDriver, data_of, fsm_data, joined

D1001_SCHEDULE_ZH = (
    "1. 2026年12月8日（周二）  ¥373.33\n"
    "2. 2027年1月8日（周五）  ¥373.33\n"
    "3. 2027年2月8日（周一）  ¥373.33\n"
    "4. 2027年3月8日（周一）  ¥373.33\n"
    "5. 2027年4月8日（周四）  ¥373.33\n"
    "6. 2027年5月8日（周六）  ¥373.35"
)


async def test_d1001_chooses_six_instalments_confirms_and_the_plan_is_recorded(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("我想分期还款"))
    assert "逾期金额为 ¥2,240.00（已逾期 12 天）" in text
    assert "分 2 至 6 期按月还款，第一期在 7 天内" in text
    assert "最晚在今天起 30 天内一次性还清" in text
    assert text.endswith("请告诉我您希望怎么安排，例如“分4期”或“延期14天”。")
    labels = [label for label, _ in chat.buttons()]
    assert labels[:5] == ["分2期", "分3期", "分4期", "分5期", "分6期"]
    assert "延期30天" in labels

    text = joined(await chat.press(data_of(chat, "分6期")))
    assert "您的方案：¥2,240.00 分 6 期按月还款" in text
    assert D1001_SCHEDULE_ZH in text
    assert "合计：¥2,240.00" in text
    assert "不再收取逾期费用" in text
    assert "在您确认之前不会记录任何内容" in text
    assert await services.domain.plans.active("D-1001") is None

    confirm = data_of(chat, "✅ 同意，确认方案")
    text = joined(await chat.press(confirm))
    plan = await services.domain.plans.active("D-1001")
    assert plan is not None
    assert f"您的还款方案 {plan.plan_id} 已记录" in text
    assert D1001_SCHEDULE_ZH in text
    assert plan.kind == "installments"
    assert plan.installments == 6
    assert plan.total == Decimal("2240.00")
    assert (plan.schedule[0].due, plan.schedule[0].amount) == (date(2026, 12, 8), Decimal("373.33"))
    assert plan.schedule[-1].amount == Decimal("373.35")

    # The same confirmation pressed again: refused politely, nothing new recorded.
    assert await chat.press(confirm) == []
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    assert len(await services.domain.plans.history("D-1001")) == 1


async def test_d1001_deferral_typed_in_english_and_confirmed_with_yes(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6101, "en")
    await chat.verify(*D1001)
    text = joined(await chat.send("Can I defer 2 weeks?"))
    assert "the whole ¥2,240.00 paid 14 days from today, on Tue 15 Dec 2026" in text
    assert "Total: ¥2,240.00" in text
    assert "No late fees are added while you keep to this plan." in text
    text = joined(await chat.send("yes"))
    plan = await services.domain.plans.active("D-1001")
    assert plan is not None
    assert plan.kind == "deferral"
    assert plan.defer_days == 14
    assert [(i.due, i.amount) for i in plan.schedule] == [(date(2026, 12, 15), Decimal("2240.00"))]
    assert f"Your plan {plan.plan_id} is recorded" in text
    assert "1. Tue 15 Dec 2026  ¥2,240.00" in text


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        # the classifier reads this one as a vulnerable situation ("I want to d…")
        ("I want to defer", "Pay later: pay the whole amount in one go, up to 30 days"),
        ("I want to postpone the payment", "Pay later: pay the whole amount in one go"),
        ("I want to defer 14 days", "the whole ¥2,240.00 paid 14 days from today"),
        ("defer 14 days", "the whole ¥2,240.00 paid 14 days from today"),
    ],
)
async def test_a_deferral_asked_in_so_many_words_is_the_plan_flow_not_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, reply: str
) -> None:
    chat = new_chat(6103, "en")
    await chat.verify(*D1001)
    assert reply in joined(await chat.send(text))
    assert await services.domain.tickets.all() == []


async def test_money_strain_gets_the_options_not_a_greeting(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("压力好大"))
    assert text.startswith("谢谢您告诉我。您目前的逾期金额为 ¥2,240.00（已逾期 12 天）。")


async def test_a_deferral_with_a_sensitive_situation_still_goes_to_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6104, "en")
    await chat.verify(*D1001)
    text = joined(await chat.send("I want to defer, my mum is very ill"))
    assert "passed your conversation to a member of our team" in text
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason == "vulnerable"


async def test_typed_choice_then_no_offers_the_other_options_and_records_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.press("menu:hardship")
    text = joined(await chat.send("4"))
    assert "分 4 期按月还款" in text
    assert "1. 2026年12月8日（周二）  ¥560.00" in text
    text = joined(await chat.send("不"))
    assert "没有记录任何内容" in text
    assert "分 2 至 6 期按月还款" in text
    assert "分6期" in dict(chat.buttons())
    assert await services.domain.plans.history("D-1001") == []


async def test_a_number_of_months_in_the_options_is_that_many_instalments(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("我想分期")
    text = joined(await chat.send("6个月呢"))
    assert "您的方案：¥2,240.00 分 6 期按月还款" in text
    assert D1001_SCHEDULE_ZH in text
    en = new_chat(6102, "en")
    await en.verify(*D1001)
    await en.send("can I pay in installments")
    text = joined(await en.send("what about 6 months"))
    assert "Your plan: ¥2,240.00 in 6 monthly instalments" in text
    # A time from now is not a number of instalments: the options are shown again.
    await en.send("no")
    text = joined(await en.send("3 months from now"))
    assert "3 monthly instalments" not in text
    assert "Tell me which you prefer" in text
    assert await services.domain.plans.history("D-1001") == []


async def test_a_short_answer_with_words_around_it_is_the_answer_not_a_handoff(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6103, "en")
    await chat.verify(*D1002)
    await chat.send("can I pay in installments")
    text = joined(await chat.send("4 please"))  # read by the classifier as a call back
    assert "Your plan: ¥5,400.00 in 4 monthly instalments" in text
    text = joined(await chat.send("actually 3 please"))  # read as asking for a person
    assert "Your plan: ¥5,400.00 in 3 monthly instalments" in text
    assert await services.domain.tickets.open_for_chat(6103) is None
    zh = new_chat(6104, "zh-hans")
    await zh.verify(*D1001)
    await zh.send("我想分期")
    text = joined(await zh.send("那就5期吧"))
    assert "您的方案：¥2,240.00 分 5 期按月还款" in text
    assert await services.domain.plans.history("D-1002") == []


async def test_d1002_gets_instalments_but_no_deferral_with_the_reason(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6102, "en")
    await chat.verify(*D1002)
    text = joined(await chat.send("I need an installment plan"))
    assert "Your overdue amount is ¥5,400.00 (45 days past due)" in text
    assert "2 to 6 monthly instalments" in text
    assert (
        "a deferral) is possible only up to 30 days past due; yours is 45 days past due. "
        "Instalments are still possible." in text
    )
    # The example names only what this borrower can have: no deferral.
    assert text.endswith("Tell me which you prefer, for example “4 instalments”.")
    assert "defer" not in text.split("Instalments are still possible.")[1]
    labels = [label for label, _ in chat.buttons()]
    assert "6 instalments" in labels
    assert not [label for label in labels if label.startswith("Pay in")]

    # A deferral button from elsewhere (forged) is refused with the reason, and a person offered.
    text = joined(await chat.press("plan:d:14"))
    assert "possible only up to 30 days past due" in text
    assert "I can book a call back, or you can talk to a person now" in text
    labels = [label for label, _ in chat.buttons()]
    assert "📞 Call me back" in labels
    assert "🙋 Talk to a person" in labels
    assert "6 instalments" in labels
    data = await fsm_data(services, 6102)
    assert data["handoff_reason"] == "out_of_policy"
    assert data["handoff_detail"] == "deferral_dpd_over_limit"

    text = joined(await chat.press("plan:n:6"))
    assert "1. Tue 8 Dec 2026  ¥900.00" in text
    assert "6. Sat 8 May 2027  ¥900.00" in text
    assert "Total: ¥5,400.00" in text


async def test_d1003_gets_no_plan_the_reason_and_a_callback_offer(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6103)
    await chat.verify(*D1003)
    text = joined(await chat.send("能分期吗"))
    assert "仅适用于逾期不超过 90 天的情况；您目前已逾期 95 天" in text
    assert "我可以为您预约回电，您也可以现在转人工客服" in text
    assert chat.buttons() == [("📞 预约回电", "menu:callback"), ("🙋 转人工", "menu:human")]
    data = await fsm_data(services, 6103)
    assert data["handoff_reason"] == "out_of_policy"
    assert data["handoff_detail"] == "dpd_over_limit"

    # Asking for a specific plan anyway changes nothing.
    text = joined(await chat.send("分3期"))
    assert "您目前已逾期 95 天" in text
    assert await services.domain.plans.history("D-1003") == []

    text = joined(await chat.press("menu:callback"))
    assert "以下是客服最近可回电的时间（Asia/Shanghai 时间）" in text
    assert chat.buttons()[0][0] == "2026年12月1日（周二） 10:30"


async def test_more_instalments_than_allowed_explains_the_range_and_keeps_the_options(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("能分12期吗"))
    assert "这里可办理 2 至 6 期的按月分期；12 期不在此范围内。" in text
    assert "以下方案您仍然可以选择" in text
    labels = dict(chat.buttons())
    assert "分6期" in labels
    assert "📞 预约回电" in labels
    assert "🙋 转人工" in labels
    assert (await fsm_data(services, 5001))["handoff_detail"] == "installments_out_of_range"


async def test_forged_or_foreign_quotes_are_refused_and_change_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.press("plan:n:3")
    real = data_of(chat, "✅ 同意，确认方案")
    token = real.split(":")[1]
    # A confirmation with another token (forged, or from an older quote).
    assert await chat.press(f"planok:{'0' * len(token)}:1") == []
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    # The quote kept for the confirmation is swapped for another borrower's quote.
    from aiogram.fsm.storage.redis import RedisStorage

    storage = RedisStorage(services.redis, key_builder=key_builder())
    key = StorageKey(bot_id=42, chat_id=5001, user_id=5001)
    data = await storage.get_data(key)
    quote = dict(data["hardship_quote"])
    quote["borrower_id"] = "D-1002"
    await storage.update_data(key, {"hardship_quote": quote})
    text = joined(await chat.press(real))
    assert "这个报价已失效，没有记录任何内容" in text
    assert await services.domain.plans.history("D-1001") == []
    assert await services.domain.plans.history("D-1002") == []


async def test_a_second_plan_is_not_offered_while_one_is_active(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.press("plan:n:2")
    await chat.send("确认")
    plan = await services.domain.plans.active("D-1001")
    assert plan is not None
    text = joined(await chat.send("我想分期"))
    assert "您已有一个正在执行的还款方案，发送 /agreements 可以查看" in text
    assert len(await services.domain.plans.history("D-1001")) == 1


async def test_unverified_borrower_is_verified_first_then_sees_the_options(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6104, "en")
    await chat.send("/start")
    text = joined(await chat.send("installment plan please"))
    assert "confirm who you are" in text
    assert "2,240.00" not in text
    assert chat.asks_for_contact()
    await chat.share_contact(D1001[0])
    text = joined(await chat.send(D1001[1]))
    assert "you are verified" in text
    assert "pay it in 2 to 6 monthly instalments" in text


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "can you waive the late fees",
            "en",
            "Reducing or waiving interest or fees is not something I can do here: our team"
            " decides on that, and can look at your situation with you (“Talk to a person”"
            " below).",
        ),
        (
            "滞纳金能不能免了",
            "zh",
            "减免利息或费用不在我这里可以办理的范围内，需要由我们的客服同事结合您的情况审核"
            "（可点击下方“转人工”）。",
        ),
    ],
)
async def test_a_waiver_asked_for_is_said_to_be_a_persons_decision_before_the_plans(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, said: str
) -> None:
    chat = new_chat(6110, "en" if lang == "en" else "zh-hans")
    await chat.verify(*D1001)
    replies = await chat.send(text)
    # before, the plans alone: the question about the fees went unanswered
    assert replies[0] == said
    assert replies[1].startswith(("Thank you for telling me.", "谢谢您告诉我。"))
    labels = [label for label, _ in chat.buttons()]
    assert labels[0] in ("2 instalments", "分2期")
    assert labels[-2:] in (["📞 Call me back", "🙋 Talk to a person"], ["📞 预约回电", "🙋 转人工"])
    assert await services.domain.tickets.all() == []  # nothing handed over unless asked


async def test_a_plan_asked_for_without_a_waiver_offers_no_person(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    replies = await chat.send("能不能分期")
    assert replies[0].startswith("谢谢您告诉我。")
    assert "🙋 转人工" not in [label for label, _ in chat.buttons()]


async def test_a_waiver_asked_for_before_verifying_is_answered_once_verified(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6111, "en")
    assert "¥" not in joined(await chat.send("can you waive the late fees"))
    phone, id_last4 = D1001
    await chat.share_contact(phone)
    replies = await chat.send(id_last4)
    assert replies[0] == "Thank you, you are verified."
    assert replies[1].startswith("Reducing or waiving interest or fees is not something I can do")
    assert replies[2].startswith("Thank you for telling me. Your overdue amount is ¥2,240.00")
    # the menu's button afterwards shows the options alone
    assert (await chat.press("menu:hardship"))[0].startswith("Thank you for telling me.")
