"""How are interest and late fees calculated? Where is my contract? ("利息怎么算的", "我的合同在
哪看"): questions, not disputes. The contract sets the charges, "What I owe" shows each part,
and a person sends a copy of the contract or goes through the calculation. A complaint about
the charges ("罚息太高了", "利息怎么算的？你们乱收费", "these fees are unfair") is no such
question: it goes to a person."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from dialogs.grievance import GRIEVANCE
from dialogs.keyboards import human_offer

_CHARGES_ZH = r"(?:利息|罚息|逾期费用?|滞纳金|违约金|手续费|服务费|费用)"
_CHARGES_EN = r"(?:interest|late fees?|fees|charges|penalt(?:y|ies))"
_WORKED_OUT = r"(?:calculat\w*|work(?:ed)? out|comput\w*)"

ASKED = re.compile(
    rf"{_CHARGES_ZH}(?:是|都是)?(?:怎么|如何|咋|按什么)(?:样)?(?:算|计算|计|收)|"
    rf"(?:怎么|如何|咋)(?:算|计算)(?:出来)?的?{_CHARGES_ZH}|{_CHARGES_ZH}的?(?:计算方[式法]|算法|计算标准)|"
    rf"(?:每天|每日|一天|每月|一个月)的?{_CHARGES_ZH}(?:是)?多少|{_CHARGES_ZH}(?:每天|每日|一天)(?:是)?多少|"
    rf"{_CHARGES_ZH}的?(?:利率|费率)|"
    r"(?:看|查|要|发|给|拿|找|下载|调取)(?:一下|一份)?(?:我的)?(?:借款|贷款)?合同|"
    r"合同[^。？?！!]{0,6}(?:在哪|哪里|哪儿|怎么看|怎么查|发给?我|给我|副本|复印件|电子版)|"
    rf"\bhow\b[^.?!]{{0,30}}\b{_CHARGES_EN}\b[^.?!]{{0,20}}\b{_WORKED_OUT}|"
    rf"\bhow (?:do|did|does) (?:you|it) {_WORKED_OUT}[^.?!]{{0,20}}\b{_CHARGES_EN}\b|"
    rf"\b{_CHARGES_EN}\b[^.?!]{{0,20}}\b(?:per|each) (?:day|week|month|year)\b|"
    rf"\b{_CHARGES_EN} a (?:day|week|month)\b|"
    rf"\bwhat(?:'s| is) (?:the |my )?(?:{_CHARGES_EN} rate|rate of {_CHARGES_EN}|apr)\b|"
    r"\b(?:copy of|see|view|read|get|send me|find|where(?:'s| is) )\s*(?:a copy of )?(?:my |the )?"
    r"(?:loan )?(?:contract|loan agreement)\b",
    re.IGNORECASE,
)


def asked(text: str) -> bool:
    """Whether the text asks how the charges are worked out, or for the contract, and only that."""
    return ASKED.search(text) is not None and GRIEVANCE.search(text) is None


async def answer(convo: Conversation) -> None:
    await convo.say("charges_and_contract", markup=human_offer(convo))
