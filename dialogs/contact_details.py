"""I have a new phone number / change my address ("我想换个手机号", "can I change my phone
number"): the contact details on a loan are changed by a person, who checks first that the
request comes from the borrower. Before, the classifier's reading sent these to how to pay, or
to "not understood"."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from dialogs.keyboards import human_offer

ASKED = re.compile(
    r"(?:换|改|更改|修改|变更|更换|更新)(?:一下|个|了)?(?:我的?)?(?:新的?)?"
    r"(?:手机号码?|电话号码?|手机|联系方式|联系电话|地址|住址|邮箱)|"
    r"(?:手机号码?|电话号码?|联系方式|联系电话|地址|邮箱)(?:换|改|变)了|新(?:手机号|号码|电话号码?)|"
    r"\b(?:change|update|new)\b[^.?!]{0,15}\b(?:(?:phone|mobile|contact|telephone) (?:number|no)"
    r"|my (?:number|phone|mobile)|phone|mobile|contact details|(?:home )?address|email)\b|"
    r"\b(?:a|my) new (?:phone |mobile )?number\b",
    re.IGNORECASE,
)


async def answer(convo: Conversation) -> None:
    await convo.say("contact_details", markup=human_offer(convo))
