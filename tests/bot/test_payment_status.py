"""Did you get my payment? A question, not a dispute: when each channel posts, what the loan
shows now, and a person to check a payment that should have posted. "I paid and it still
shows overdue" is a dispute and goes to a person."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, joined

POSTING_EN = (
    "A payment shows on your loan once it has posted:\n"
    "• Online banking transfer — Transfers made before 17:00 on a working day post the same"
    " day; later ones post the next working day.\n"
    "• Mobile app — Usually shows within minutes; payments after 22:00 post the next day.\n"
    "• Bank counter — Posts within 1 working day."
)


async def test_asked_before_verifying_it_is_answered_once_verified_and_no_ticket_opened(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8401, "en")
    replies = joined(await chat.send("did you receive my payment?"))
    assert "confirm who you are" in replies and "¥" not in replies
    await chat.share_contact(D1001[0])
    text = joined(await chat.send(D1001[1]))
    assert POSTING_EN in text
    assert (
        "Loan L-1001 shows ¥2,240.00 overdue, as of Tue 1 Dec 2026 10:00 (Asia/Shanghai)." in text
    )
    assert "our team can check it for you: tap the button below" in text
    assert [label for label, _ in chat.buttons()] == ["🙋 Talk to a person"]
    assert await services.domain.tickets.all() == []
    assert await services.domain.tickets.hold_for("L-1001") is None


async def test_in_chinese_and_a_figure_in_it_is_no_promise(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1002)
    for text in ("上个月还的那笔到账没", "昨天转的500收到了吗"):
        replies = joined(await chat.send(text))
        assert replies.startswith(
            "还款入账后才会在您的借款上显示，各渠道入账时间如下：\n• 网上银行转账 — "
        )
        assert "借款 L-1002 目前显示逾期应还 ¥5,400.00（截至 2026年12月1日（周二） 10:00" in replies
        assert "对吗" not in replies
    assert await services.domain.promises.open_promises("D-1002") == []
    assert await services.domain.tickets.all() == []


async def test_paid_but_still_shown_overdue_is_a_dispute_for_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8402, "en")
    await chat.verify(*D1001)
    text = joined(await chat.send("I paid yesterday but it still shows overdue"))
    assert "passed your conversation to a member of our team" in text
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason == "dispute"
    assert await services.domain.tickets.hold_for("L-1001") == ticket.ticket_id
