"""Which answer a question gets by its wording (dialogs/questions.py), and what it must not
take: a payment platform is not "who are you", a threat is not a question about consequences,
documents for a deferral are not a receipt."""

from __future__ import annotations

import pytest

from dialogs import (
    balance,
    channels,
    consequences,
    contact_details,
    contract,
    payment_status,
    payment_trouble,
    receipts,
    settlement,
    smalltalk,
    start,
)
from dialogs.questions import Answer, answer_for


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("还款凭证怎么开", receipts.answer),
        ("did you get my payment? I need the receipt", receipts.answer),
        ("has my transfer come through yet", payment_status.show_status),
        ("上个月还的那笔到账没", payment_status.show_status),
        ("提前还款", settlement.show_settlement),
        ("can I settle early", settlement.show_settlement),
        ("不还会有什么后果", consequences.answer),
        ("will this hurt my credit score", consequences.answer),
        ("我的还款参考号是多少", channels.show_channels),
        ("what company is this", smalltalk.who_we_are),
        ("你们是哪个公司", smalltalk.who_we_are),
        ("how did you get my number", smalltalk.how_we_have_your_number),
        ("你们怎么有我电话", smalltalk.how_we_have_your_number),
        ("你们从哪弄到我的号码的", smalltalk.how_we_have_your_number),
        ("罚息是怎么计算的", contract.answer),
        ("利息的计算方式是什么", contract.answer),
        ("能看一下我的借款合同吗", contract.answer),
        ("how do you calculate the late fees", contract.answer),
        ("how are the charges worked out?", contract.answer),
        ("can I get a copy of my loan contract", contract.answer),
        ("还有几天可以还", balance.show_balance),
        ("还款日是哪天", balance.show_balance),
        ("when do I have to pay", balance.show_balance),
        ("what's my due date?", balance.show_balance),
        ("app一直报错还不了款", payment_trouble.answer),
        ("还款失败了", payment_trouble.answer),
        ("my card was declined", payment_trouble.answer),
        ("the bank transfer did not go through", payment_trouble.answer),
        ("为什么给我打电话", smalltalk.how_we_have_your_number),
        ("打我电话干嘛", smalltalk.how_we_have_your_number),
        ("why do you keep calling me", smalltalk.how_we_have_your_number),
        ("还款码是多少", channels.show_channels),
        ("I have a new number", contact_details.answer),
        ("update my address", contact_details.answer),
        ("贷款还清了吗", balance.show_balance),
        ("what is the interest rate", contract.answer),
        ("how much is the late fee a day", contract.answer),
        ("can you send me the loan agreement", contract.answer),
        ("帮帮忙！", start.show_help),
        ("help!!", start.show_help),
        ("could you help me out 🙏", start.show_help),
    ],
)
def test_a_question_gets_its_answer(text: str, answer: Answer) -> None:
    assert answer_for(text) == {"answer": answer}


@pytest.mark.parametrize(
    "text",
    [
        "在什么平台还款",
        "which company do I transfer to",
        "你们再打电话后果自负",
        "我要提供什么凭证才能延期",
        "I'll pay it off next week",
        "我还欠多少钱",
        "call me tomorrow after 3pm",
        "罚息太高了",
        "these fees are unfair",
        "can I extend the deadline",
        "help me, I lost my job",
        "帮我查一下欠款",
        "I need help paying",
        "利息怎么算的？你们乱收费",
        "how is the interest calculated? it's a rip-off",
        # money gone but not credited is a dispute; not being able to pay is hardship
        "payment failed but the money was deducted",
        "扣款失败但是钱被扣了",
        "我这个月还不了款",
        "这个月的还款还不了",
        "为什么不给我打电话",
        "why didn't you call me",
        "change the number of instalments",
        "can I change the date",
        "I paid it all why is my loan not closed",
        "I can pay the fees in a month",
        "how long do I have to wait for a person",
        "I signed the loan agreement last year",
    ],
)
def test_other_messages_are_left_to_the_flows(text: str) -> None:
    assert answer_for(text) is None
