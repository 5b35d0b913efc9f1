"""I want to pay it all off ("提前还款", "我想一次性结清", "can I settle early"): the figures the
ledger has, and a person or a call for the exact early-settlement figure. Not a hardship plan
(the classifier reads most of these as one) and not a dispute ("提前还款" alone reads as one);
"我已经结清了" is a dispute, which the safety lexicon sends to a person before this flow."""

from __future__ import annotations

import re

from dialogs.keyboards import main_menu
from dialogs.verify import verified_step

ASKED = re.compile(
    r"提前(?:还款|还清|结清|还完|全部还)|一次性(?:还清|结清|还完|付清|全部还)|"
    r"(?:全部|剩下的?|剩余的?|所有的?)(?:钱|借款|欠款|贷款)?(?:都?(?:还清|结清|还完|付清)|都还(?:了|掉))|"
    r"\bpay (?:it all |everything |the (?:whole|entire|full) (?:loan|balance|amount|thing) |"
    r"(?:the|my) loan )?off\b|\bsettle (?:the |my )?(?:whole |entire |full )?(?:loan |account "
    r"|balance |debt |it |everything )?(?:early|in full|off)\b|\bearly (?:re)?payment\b|"
    r"\b(?:close|clear) (?:the|my) (?:loan|account) early\b",
    re.IGNORECASE,
)


show_settlement = verified_step("settlement", "action_settlement", main_menu)
