"""Words that voice a grievance: "利息怎么算的？你们乱收费", "did you get my payment? this is
ridiculous", "that's unfair". A question asked with one is not answered by its wording (the
borrower is unhappy, and a person hears them), and a reply with one is never taken for a yes
(the classifier reads "that's unfair" and "好离谱" as one)."""

from __future__ import annotations

import re

GRIEVANCE = re.compile(
    r"乱收费|乱扣|不合理|太高|太贵|高利贷|不公平|坑人|骗|违法|不合法|霸王条款|凭什么|离谱|玩笑|"
    r"\bunfair\b|\btoo (?:high|much|expensive)\b|\bexcessive\b|\brip[- ]?off\b|\billegal\b|"
    r"\bscam\w*|\bridiculous\b|\boutrageous\b|\bpredatory\b|\bkidding\b|\bjok(?:e|ing)\b|"
    r"\bwhy (?:is it |are they )?so (?:high|much)\b",
    re.IGNORECASE,
)
