"""What do I owe: the balance for a verified borrower; anyone else is verified first. Asked
when it is due ("how long do I have", "最晚什么时候还") or whether the loan is closed ("我的贷款
结清了吗"), the same statement answers: it shows what is overdue, the days past due and the
next due date."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import MenuCallback, main_menu
from dialogs.verify import verified_step

DEADLINE = re.compile(
    r"最晚(?:什么时候|哪天|几号)|(?:什么时候|哪天|几号)(?:到期|截止)|还款日(?:是)?(?:哪天|几号|什么时候)|"
    r"(?:还有|剩)(?:多久|多少天|几天)(?:时间)?(?:可以)?还|"
    r"\bhow (?:long|much time|many days) (?:do i have|have i got|is left|are left|left)\b"
    r"(?! to wait)|"
    r"\bwhen (?:is|'s) (?:it|my (?:payment|instalment|installment|repayment|bill)|the "
    r"(?:payment|deadline|due date)) due\b|\bwhen do i (?:have|need) to pay\b|"
    r"\bwhen is the (?:deadline|due date)\b|\bwhat(?:'s| is) (?:the|my) (?:deadline|due date)\b",
    re.IGNORECASE,
)

# Is my loan closed? Only the question: "I paid it all, why is my loan not closed" is a dispute.
STATUS = re.compile(
    r"^\W*(?:我的?)?(?:这笔)?(?:贷款|借款|欠款|账户)(?:是不是|是否)?(?:已经)?(?:结清|还清|还完)(?:了吗|了没有?|没有?|吗)\W*$|"
    r"^\W*(?:is|has) (?:my|the) (?:loan|account|debt) (?:been )?(?:closed|paid off|settled|cleared"
    r"|finished)(?: yet)?\W*$",
    re.IGNORECASE,
)

show_balance = verified_step("balance", "action_balance", main_menu)


async def balance_asked(message: Message, convo: Conversation) -> None:
    await show_balance(convo)


async def balance_pressed(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    await show_balance(convo)


def build_router() -> Router:
    router = Router(name="balance")
    router.message.register(balance_asked, IntentFilter("check_balance"))
    router.callback_query.register(balance_pressed, MenuCallback.filter(F.item == "balance"))
    return router
