"""Questions a borrower asks in passing, answered without a ticket: how the charges are worked
out and a copy of the contract (a person offered), when payment is due or whether the loan is
closed (the statement), a failing payment (the other ways to pay), new contact details (a
person), why we called, and a bare plea for help (what the bot can do). A complaint about the
charges, or money taken by a failed payment, still goes to a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.services import BotServices
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined

CHARGES_EN = (
    "Interest and late fees are charged as set out in your loan contract, and “What I owe”"
    " shows each part of the amount overdue now (instalment principal, interest and late fees)."
    " Our team can send you a copy of your contract, or go through the calculation with you:"
    " tap the button below."
)
CHARGES_ZH = (
    "利息和逾期费用按您的借款合同约定计收，“查询欠款”中可以看到当前逾期金额的各项明细"
    "（当期本金、利息和逾期费用）。如需合同副本，或希望我们为您逐项说明计算方式，"
    "我们的客服可以为您办理：请点击下方按钮。"
)


@pytest.mark.parametrize(
    ("text", "lang", "answer"),
    [
        # the classifier reads the first two as disputes, which would put the loan on hold
        ("利息怎么算的", "zh", CHARGES_ZH),
        ("我的合同在哪看", "zh", CHARGES_ZH),
        ("how is the interest calculated", "en", CHARGES_EN),
        ("where can I see my contract", "en", CHARGES_EN),
        ("how much is the late fee per day", "en", CHARGES_EN),
        ("每天罚息多少", "zh", CHARGES_ZH),
    ],
)
async def test_how_the_charges_are_worked_out_is_answered_with_no_ticket_and_no_hold(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, answer: str
) -> None:
    chat = new_chat(8601, "zh-hans" if lang == "zh" else "en")
    await chat.verify(*D1001)
    assert await chat.send(text) == [answer]
    assert [label for label, _ in chat.buttons()] == [
        "🙋 转人工" if lang == "zh" else "🙋 Talk to a person"
    ]
    assert await services.domain.tickets.all() == []
    assert await services.domain.tickets.hold_for("L-1001") is None


@pytest.mark.parametrize("text", ["罚息太高了", "利息怎么算的？你们乱收费"])
async def test_a_complaint_about_the_charges_still_goes_to_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str
) -> None:
    chat = new_chat(8602)
    await chat.verify(*D1001)
    assert "转交给我们的客服同事" in joined(await chat.send(text))
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason == "dispute"
    assert await services.domain.tickets.hold_for("L-1001") == ticket.ticket_id


@pytest.mark.parametrize(
    ("text", "lang", "due"),
    [
        ("how long do I have", "en", "Next due date: Tue 15 Dec 2026"),
        ("when is the deadline", "en", "Next due date: Tue 15 Dec 2026"),
        ("最晚什么时候还", "zh", "下一还款日：2026年12月15日（周二）"),
        # the classifier reads this one as a dispute, which would put the loan on hold
        ("is my loan closed", "en", "Next due date: Tue 15 Dec 2026"),
        ("我的贷款结清了吗", "zh", "下一还款日：2026年12月15日（周二）"),
    ],
)
async def test_when_payment_is_due_gets_the_statement_with_the_days_past_due(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, due: str
) -> None:
    chat = new_chat(8603, "zh-hans" if lang == "zh" else "en")
    await chat.verify(*D1001)
    statement = joined(await chat.send(text))
    assert due in statement
    assert ("Days past due: 12" if lang == "en" else "逾期天数：12 天") in statement
    assert await services.domain.tickets.all() == []


async def test_when_payment_is_due_asks_an_unverified_user_to_verify_first(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(8604, "en")
    replies = joined(await chat.send("how long do I have"))
    assert "I first need to confirm who you are" in replies
    assert "L-1001" not in replies and "¥" not in replies


@pytest.mark.parametrize(
    ("text", "lang", "first_line"),
    [
        ("帮帮我", "zh", "我可以帮您："),
        ("help me", "en", "Here is what I can help with:"),
        ("can you help me please", "en", "Here is what I can help with:"),
    ],
)
async def test_a_bare_plea_for_help_gets_what_the_bot_can_do(
    new_chat: Callable[..., ChatDriver], text: str, lang: str, first_line: str
) -> None:
    chat = new_chat(8605, "zh-hans" if lang == "zh" else "en")
    [reply] = await chat.send(text)
    assert reply.startswith(first_line)
    assert ("🙋 转人工" if lang == "zh" else "🙋 Talk to a person") in [
        label for label, _ in chat.buttons()
    ]


@pytest.mark.parametrize(
    ("text", "lang", "start"),
    [
        # the classifier reads both as disputes, which would put the loan on hold
        ("app一直报错还不了款", "zh", "抱歉给您带来不便。您可以稍后再试，或换一种方式还款"),
        ("I want to pay but the app says error", "en", "Sorry it is not working."),
        ("my card was declined", "en", "Sorry it is not working."),
    ],
)
async def test_a_failing_payment_gets_the_other_ways_to_pay_with_no_ticket(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, start: str
) -> None:
    chat = new_chat(8606, "zh-hans" if lang == "zh" else "en")
    await chat.verify(*D1001)
    [reply] = await chat.send(text)
    assert reply.startswith(start)
    labels = [label for label, _ in chat.buttons()]
    assert ("🏦 还款方式" if lang == "zh" else "🏦 How to pay") in labels
    assert ("🙋 转人工" if lang == "zh" else "🙋 Talk to a person") in labels
    assert await services.domain.tickets.all() == []
    assert await services.domain.tickets.hold_for("L-1001") is None


async def test_money_taken_by_a_failed_payment_is_a_dispute_for_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8607)
    await chat.verify(*D1001)
    assert "转交给我们的客服同事" in joined(await chat.send("扣款失败但是钱被扣了"))
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason == "dispute"


async def test_why_we_called_is_answered_and_a_call_to_the_family_is_a_complaint(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8608)
    # the classifier reads this as asking for a call back
    [reply] = await chat.send("为什么给我打电话")
    assert reply.startswith("这里是示例消费金融的还款助手。我们只就借款人本人的借款")
    assert [label for label, _ in chat.buttons()] == ["🙋 转人工"]
    await chat.verify(*D1001)
    assert "转交给我们的客服同事" in joined(await chat.send("你们为什么给我妈打电话"))
    [ticket] = await services.domain.tickets.all()
    assert (ticket.reason, ticket.signals) == ("complaint_legal", ["complaint_legal:harassment"])


@pytest.mark.parametrize(
    ("text", "lang", "answer"),
    [
        (
            "can I change my phone number",
            "en",
            "The phone number and other contact details on your loan are changed by our team, who"
            " first check that the request comes from you: tap the button below and a person will"
            " help you.",
        ),
        (
            "我想换个手机号",
            "zh",
            "借款登记的手机号和其他联系方式需要由我们的客服核实是您本人后为您更改："
            "请点击下方按钮，客服会为您办理。",
        ),
    ],
)
async def test_new_contact_details_go_to_a_person_who_checks_first(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, answer: str
) -> None:
    chat = new_chat(8609, "zh-hans" if lang == "zh" else "en")
    assert await chat.send(text) == [answer]
    assert [label for label, _ in chat.buttons()] == [
        "🙋 转人工" if lang == "zh" else "🙋 Talk to a person"
    ]
    assert await services.domain.tickets.all() == []
