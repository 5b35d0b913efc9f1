"""Which answer a question gets by its wording (dialogs/questions.py), and what it must not
take: a payment platform is not "who are you", a threat is not a question about consequences,
documents for a deferral are not a receipt."""

from __future__ import annotations

import pytest

from dialogs import channels, consequences, payment_status, receipts, settlement, smalltalk
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
    ],
)
def test_other_messages_are_left_to_the_flows(text: str) -> None:
    assert answer_for(text) is None
