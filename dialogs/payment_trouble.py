"""The app or a payment is not working ("app一直报错还不了款", "my payment keeps failing"): not a
dispute (the classifier reads many as one, which put the loan on hold), but a way round it.
The other ways to pay, and a person if it keeps failing. Money that left the account without
being credited ("扣了钱但显示失败") is a dispute, and goes to a person as one."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from dialogs.grievance import GRIEVANCE
from dialogs.keyboards import main_menu

ASKED = re.compile(
    r"(?:app|手机银行|网银|支付|还款|扣款|付款|转账|银行卡|小程序)[^。？?！!]{0,8}"
    r"(?:报错|出错|错误|失败|不成功|打不开|闪退|用不了|登不上|登录不了|转不了|卡住|没反应)|"
    r"\b(?:app|payment|transfer|card|bank(?:ing)?)\b[^.?!]{0,30}\b(?:errors?|fail(?:ed|s|ing)?"
    r"|declined|rejected|not working|keeps? crashing|crash(?:ed|es)?"
    r"|(?:doesn'?t|does not|didn'?t|did not|won'?t|will not) (?:work|go through|let me|open))\b|"
    r"\b(?:can'?t|cannot|unable to) (?:pay|make (?:a |the )?payment) (?:in|on|through|with|via) "
    r"the app\b",
    re.IGNORECASE,
)
# The money is gone but not credited: a dispute, for a person.
_MONEY_TAKEN = re.compile(
    r"扣了钱|钱(?:被|已经?)?扣了|钱被扣|已扣款|扣款成功|被扣了|钱(?:已经?)?(?:转|付)出去|"
    r"\b(?:deducted|debited|taken from my (?:account|card)|charged me|left my account)\b|"
    r"\bmoney (?:was |got |has been )?(?:taken|gone)\b",
    re.IGNORECASE,
)


def asked(text: str) -> bool:
    """Whether the text says a payment or the app is failing, and only that."""
    return (
        ASKED.search(text) is not None
        and _MONEY_TAKEN.search(text) is None
        and GRIEVANCE.search(text) is None
    )


async def answer(convo: Conversation) -> None:
    await convo.say("payment_trouble", markup=main_menu(convo))
