"""Did you get my payment? ("上个月还的那笔到账没", "has my transfer come through"): a question,
not a dispute. When each channel posts and what the loan shows now, with a person to check a
payment that should have posted. "I paid and it still shows overdue" is a dispute: the safety
lexicon sends it to a person before this flow sees it."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from dialogs.keyboards import human_offer
from dialogs.resume import resumable
from dialogs.verify import begin_verification

_PAID = r"(?:payment|transfer|money|repayment|deposit|instalment|installment)"
ASKED = re.compile(
    r"(?:有没有|是否|有无)(?:收到|到账|入账)|(?:收到|到账|入账)了?(?:没有?|吗|嘛|么|了没|了吗)|"
    r"(?:钱|款|还款|转账)(?:已经)?到了(?:吗|没)|"
    rf"\b(?:did|have|has) (?:you|u|ya|the bank|your (?:system|side)) (?:receive|received|get|got"
    rf"|gotten|see|seen) (?:my|the) (?:last |recent )?{_PAID}|"
    rf"\b(?:is|has) my (?:last |recent )?{_PAID}\b[^.?!]{{0,30}}\b(?:arrived|come through|gone"
    r" through|been received|received|showing|posted|landed|cleared|reflected)\b|"
    rf"\bdid (?:my|the) (?:last |recent )?{_PAID} "
    r"(?:go through|arrive|come through|clear|post|land)",
    re.IGNORECASE,
)


def asks_payment_arrived(text: str) -> bool:
    """Whether the message asks if a payment has arrived (the classifier calls it a dispute)."""
    return ASKED.search(text) is not None


@resumable("payment_status")
async def show_status(convo: Conversation) -> None:
    if not convo.verified:
        await begin_verification(convo, pending="payment_status")
        return
    await convo.act("action_payment_status", markup=human_offer(convo))
