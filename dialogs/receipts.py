"""Can I get a receipt? ("还款后能给我收据吗", "will I get a receipt"): a request, not a dispute.
Who gives one, and a person for a written confirmation from the lender. "I have the receipt"
(proof of a payment the loan does not show) is a dispute: the safety lexicon sends it to a
person before this flow sees it."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from dialogs.keyboards import human_offer

ASKED = re.compile(
    r"收据|(?:还款|支付|付款|转账)凭证|回单|发票|还款证明|"
    r"\breceipts?\b|\bproof of (?:my )?payments?\b|\bpayment confirmations?\b|\binvoices?\b",
    re.IGNORECASE,
)


async def answer(convo: Conversation) -> None:
    await convo.say("receipts", markup=human_offer(convo))
