"""Can I get a receipt? A request, answered, with a person for a written confirmation; "I have
the receipt" is proof of a payment the loan does not show: a dispute, for a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.services import BotServices
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


@pytest.mark.parametrize(
    ("text", "lang", "start"),
    [
        ("can I get a receipt for my payment", "en", "When you pay, your bank or our app gives"),
        ("will I get a receipt", "en", "When you pay, your bank or our app gives"),
        ("还款后能给我收据吗", "zh", "还款时，银行或我们的App会给您回单或支付凭证，请妥善保存。"),
    ],
)
async def test_a_receipt_asked_for_is_answered_with_a_person_offered_and_no_hold(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, start: str
) -> None:
    chat = new_chat(8501, "zh-hans" if lang == "zh" else "en")
    await chat.verify(*D1001)
    replies = joined(await chat.send(text))
    assert replies.startswith(start)
    assert [label for label, _ in chat.buttons()] == [
        "🙋 转人工" if lang == "zh" else "🙋 Talk to a person"
    ]
    assert await services.domain.tickets.all() == []
    assert await services.domain.tickets.hold_for("L-1001") is None


async def test_a_receipt_held_up_as_proof_is_a_dispute(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8502, "en")
    await chat.verify(*D1001)
    text = joined(await chat.send("I have the receipt, I paid on Monday"))
    assert "passed your conversation to a member of our team" in text
    [ticket] = await services.domain.tickets.all()
    assert (ticket.reason, ticket.signals) == ("dispute", ["dispute:already_paid"])
    assert await services.domain.tickets.hold_for("L-1001") == ticket.ticket_id
