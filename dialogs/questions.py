"""Questions answered by their wording, whatever the classifier made of them: a receipt, a
payment that may have arrived, paying the whole loan off, what not paying leads to, how the
charges are calculated and a copy of the contract, a payment or the app failing, when payment
is due, whether the loan is closed, new contact details, the repayment reference, who we
are, how we have the borrower's number (or why we called), and a bare plea for help. One
check per message finds which (a handler for each would cost every message a check each).

An escalation has gone to a person before this (the safety lexicon's "I have the receipt",
"I already paid"); an open question stays open."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import Router
from aiogram.types import Message

from bot.conversation import Conversation
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
from dialogs.filters import Text

Answer = Callable[[Conversation], Awaitable[None]]

# In this order: "did you get my payment? I need the receipt" is about the receipt.
QUESTIONS: tuple[tuple[Callable[[str], object], Answer], ...] = (
    (receipts.ASKED.search, receipts.answer),
    (payment_status.ASKED.search, payment_status.show_status),
    (settlement.ASKED.search, settlement.show_settlement),
    (consequences.ASKED.search, consequences.answer),
    (contract.asked, contract.answer),
    (payment_trouble.asked, payment_trouble.answer),
    (balance.DEADLINE.search, balance.show_balance),
    (balance.STATUS.search, balance.show_balance),
    (contact_details.ASKED.search, contact_details.answer),
    (channels.REFERENCE.search, channels.show_channels),
    (smalltalk.WHO.search, smalltalk.who_we_are),
    (smalltalk.CONTACT_SOURCE.search, smalltalk.how_we_have_your_number),
    (start.HELP_PLEA.search, start.show_help),
)


def answer_for(text: str) -> dict[str, Answer] | None:
    """The answer to the first question the text asks (as filter data), or None."""
    for asks, answer in QUESTIONS:
        if asks(text):
            return {"answer": answer}
    return None


async def asked(message: Message, convo: Conversation, answer: Answer) -> None:
    await answer(convo)


def build_router() -> Router:
    router = Router(name="questions")
    router.message.register(asked, Text(answer_for))
    return router
