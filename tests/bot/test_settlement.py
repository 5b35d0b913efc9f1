"""Paying the whole loan off: the ledger's figures, and a person or a call for the exact
early-settlement figure; not a hardship plan, not a dispute. "I already settled it" is a
dispute, for a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.services import BotServices
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


@pytest.mark.parametrize(
    ("text", "lang", "start"),
    [
        (
            "can I settle early",
            "en",
            "Loan L-1001: ¥2,240.00 overdue now, and ¥24,000.00 of principal outstanding"
            " (as of Tue 1 Dec 2026 10:00 (Asia/Shanghai)).",
        ),
        ("I want to pay off the whole loan", "en", "Loan L-1001: ¥2,240.00 overdue now"),
        # the classifier reads these as a hardship plan and a dispute
        ("我想一次性结清", "zh", "借款 L-1001：目前逾期应还 ¥2,240.00，剩余本金 ¥24,000.00"),
        ("提前还款", "zh", "借款 L-1001：目前逾期应还 ¥2,240.00"),
        ("我想把剩下的都还了", "zh", "借款 L-1001：目前逾期应还 ¥2,240.00"),
    ],
)
async def test_paying_it_all_off_shows_the_figures_and_who_confirms_the_exact_one(
    new_chat: Callable[..., ChatDriver], services: BotServices, text: str, lang: str, start: str
) -> None:
    chat = new_chat(8601, "zh-hans" if lang == "zh" else "en")
    await chat.verify(*D1001)
    replies = joined(await chat.send(text))
    assert replies.startswith(start)
    assert ("由我们的客服为您核算确认" if lang == "zh" else "is confirmed by our team") in replies
    labels = [label for label, _ in chat.buttons()]
    assert ("🙋 转人工" if lang == "zh" else "🙋 Talk to a person") in labels
    assert await services.domain.tickets.all() == []
    assert await services.domain.tickets.hold_for("L-1001") is None


async def test_asked_before_verifying_no_figure_is_shown_until_verified(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(8602, "en")
    replies = joined(await chat.send("can I settle early"))
    assert "confirm who you are" in replies and "¥" not in replies
    await chat.share_contact(D1001[0])
    assert "¥24,000.00 of principal outstanding" in joined(await chat.send(D1001[1]))


async def test_already_settled_is_a_dispute(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1001)
    assert "转交给我们的客服同事" in joined(await chat.send("我已经结清了"))
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason == "dispute"
