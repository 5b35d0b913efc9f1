""" "What happens if I don't pay?": the facts, plainly, to anyone (they hold no loan data), in
the borrower's language; an open question stays open; an accusation still goes to a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.services import BotServices
from tests.bot.conftest import D1002
from tests.harness import ChatDriver, joined

EN = (
    "To answer plainly: while an amount is overdue, late fees continue to apply under your loan"
    " contract, and overdue payments are reported to the credit reference system, which can"
    " make it harder to borrow in future."
)
ZH = "如实告诉您：款项逾期期间，逾期费用会按借款合同继续计收，逾期记录也会按规定报送征信系统"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what happens if I don't pay", "en"),
        ("will this hurt my credit score?", "en"),
        ("what are the consequences if I can't pay this month", "en"),
        ("会影响征信吗", "zh"),
        ("如果我不还会怎么样", "zh"),
        ("逾期会有什么影响", "zh"),
        # the central bank's credit reference system, not a complaint to the regulator
        ("逾期会上央行征信吗", "zh"),
        ("会影响人民银行征信吗", "zh"),
    ],
)
async def test_the_consequences_are_told_plainly_without_verification_or_loan_data(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str
) -> None:
    chat = new_chat(8301, "zh-hans" if lang == "zh" else "en")
    replies = await chat.send(text)
    assert replies[0].startswith(ZH if lang == "zh" else EN)
    assert "¥" not in joined(replies)
    labels = [label for label, _ in chat.buttons()]
    assert ("🤝 暂时还不上" if lang == "zh" else "🤝 I can't pay in full") in labels
    assert await services.domain.tickets.all() == []


async def test_an_open_question_stays_open(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1002)
    assert "您打算还多少" in joined(await chat.send("我下周五还"))
    assert joined(await chat.send("会影响征信吗")).startswith(ZH)
    text = joined(await chat.send("500"))
    assert "2026年12月11日（周五） (Asia/Shanghai) 之前还款 ¥500.00，对吗？" in text


async def test_a_credit_record_accusation_still_goes_to_a_person(
    chat: ChatDriver, services: BotServices
) -> None:
    replies = joined(await chat.send("你们这是违法的，我征信都被你们搞坏了"))
    assert "转交给我们的客服同事" in replies
    assert ZH not in replies
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason in {"complaint_legal", "dispute"}
