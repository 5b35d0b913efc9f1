"""What happens if I don't pay? ("会影响征信吗", "will this hurt my credit score"): the facts,
plainly and without a threat, then the ways forward. General, so no verification is needed;
an open question stays open."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from dialogs.keyboards import main_menu

ASKED = re.compile(
    r"征信|信用记录|信用分|影响(?:我的?)?信用|后果(?!自负)|"
    r"(?:不还|没还|还不上|逾期|晚还|拖欠?)[^。？?！!]{0,8}(?:会怎么样|会怎样|会如何|(?:什么|啥)影响)|"
    r"\bcredit (?:score|report|record|rating|history|file)s?\b|\baffect my credit\b|"
    r"\bconsequences?\b|\bblacklist\w*|"
    r"\bwhat (?:happens|will happen|would happen) if (?:i|we) (?:don'?t|do not|can'?t|cannot|never"
    r"|miss|stop|am late|keep)\b",
    re.IGNORECASE,
)


async def answer(convo: Conversation) -> None:
    await convo.say("consequences", markup=main_menu(convo))
