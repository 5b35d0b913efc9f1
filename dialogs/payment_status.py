"""Did you get my payment? ("上个月还的那笔到账没", "has my transfer come through"): a question,
not a dispute. When each channel posts and what the loan shows now, with a person to check a
payment that should have posted. "I paid and it still shows overdue" is a dispute: the safety
lexicon sends it to a person before this flow sees it."""

from __future__ import annotations

import re

from dialogs.keyboards import human_offer
from dialogs.verify import verified_step

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


show_status = verified_step("payment_status", "action_payment_status", human_offer)
