"""A greeting in front of a request ("你好，我想还款", "hi, how do I pay"): the request after it.

The classifier learned greetings from short messages, so a greeting's words can outweigh a short
request behind them and the borrower is only greeted back. `after_greeting` finds what follows
one or more leading greetings, for the request to be read on its own.
"""

from __future__ import annotations

import re

from bot.nlu.normalize import fold

_EN = (
    r"h+i+|hel+o+|hey+|hiya|howdy|hal+o+|yo"
    r"|good\s*(?:morning|afternoon|evening|day)|greetings"
)
# A bare "morning" greets only before a mark: "evening calls are better" is no greeting.
_BARE_EN = r"(?:morning|evening)(?=[,.!?~:;，。！？～]|$)"
_ZH = (
    r"你好|您好|你们好|您们好|大家好|哈喽|哈啰|哈咯|嗨|嘿|喂|在吗|在么|在嘛|在不在|有人吗"
    r"|早上好|上午好|中午好|下午好|晚上好|早安"
)
_ADDRESSEE = r"there|team|all|everyone|sir|madam|客服|小姐姐|小哥哥"
_PARTICLE = r"[啊呀吖哈哇啦]"
_PAUSE = r"[\s,.!?~:;，。！？～、：；…-]"
# One greeting: English words end at a word's end; "早" alone only before a pause, or it
# would take the "早" of "早点还" (pay early).
_ONE = (
    rf"(?:(?:{_EN})(?![a-z'])|{_BARE_EN}|{_ZH}|早(?={_PAUSE}))"
    rf"{_PARTICLE}*(?:{_PAUSE}*(?:{_ADDRESSEE})(?![a-z]))?{_PARTICLE}*{_PAUSE}*"
)
_GREETINGS = re.compile(rf"{_PAUSE}*(?:{_ONE})+")
_WORDING = re.compile(r"[a-z0-9\u3400-\u9fff]")


def after_greeting(text: str) -> str | None:
    """The text after its leading greetings; None if it opens with none or is only that."""
    match = _GREETINGS.match(fold(text))
    if match is None:
        return None
    rest = text[match.end() :].strip()
    return rest if _WORDING.search(fold(rest)) else None
