"""Minimal readings of short replies inside the plan flows, when the NLU gave no entity.

Deliberately small: numbers of instalments ("4", "分4期", "4 instalments"), a deferral
("defer 2 weeks", "延期14天"), an amount ("500", "¥1,000.50", "500元"), a date ("2026-12-15",
"12月15日", "15号", "the 15th", "明天", "周五", "Friday") and a time ("15:00", "3pm", "下午3点").
Anything else is None, and the flow asks again or offers buttons.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "十": 10}  # fmt: skip
_NUMBER = r"(\d{1,3}|[一二两三四五六七八九十]{1,3})"


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token in _CN_DIGITS:
        return _CN_DIGITS[token]
    if len(token) == 2 and token[0] == "十" and token[1] in _CN_DIGITS:
        return 10 + _CN_DIGITS[token[1]]  # 十二
    if len(token) == 2 and token[1] == "十" and token[0] in _CN_DIGITS:
        return _CN_DIGITS[token[0]] * 10  # 二十
    if len(token) == 3 and token[1] == "十":
        return _CN_DIGITS.get(token[0], 0) * 10 + _CN_DIGITS.get(token[2], 0)
    return None


# Words around a short answer that add nothing to it ("actually 4 please", "还是4期吧"),
# and punctuation that ends a phrase (not the comma or point inside "1,000.50").
_FILLER = re.compile(
    r"\b(?:actually|please|pls|plz|ok(?:ay)?|then|instead|maybe|how about|what about|make it|"
    r"change it to|let'?s (?:do|say)|go with|i'?ll take)\b|改成|改为|换成|还是|那就|就|吧|呢|好了|"
    r"[，。！？!?~]|[,.](?=\s|$)",
    re.IGNORECASE,
)


def answer_core(text: str) -> str:
    """A short reply without the words around its answer: "actually 4 please" → "4"."""
    return " ".join(_FILLER.sub(" ", text).split())


_INSTALMENTS = re.compile(
    rf"分\s*{_NUMBER}\s*(?:期|个?\s*月)|(?<!第){_NUMBER}\s*期|"
    r"(\d{1,3})\s*(?:installments?|instalments?|monthly)|\bover\s+(\d{1,3})\s*months?\b",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
# Months of payments, not a time from now ("6个月后", "6 months from now").
_MONTHS = re.compile(
    rf"{_NUMBER}\s*个\s*月(?!\s*[后以之])|\b(\d{{1,3}})\s*months?\b(?!\s*(?:later|from now|time))",
    re.IGNORECASE,
)


def parse_installments(text: str, *, bare: bool = False) -> int | None:
    """ "分4期" / "4期" / "分6个月" / "4 instalments" / "over 6 months"; inside the flow
    (`bare`), also a bare "4", and "6个月" / "6 months" that is not a deferral."""
    match = _INSTALMENTS.search(text)
    if match is None and bare:
        match = _BARE_NUMBER.match(answer_core(text))
        if match is None and not _DEFER_WORD.search(text):
            match = _MONTHS.search(text)
    if match is None:
        return None
    return _number(next(g for g in match.groups() if g))


_DEFER_WORD = re.compile(
    r"defer|postpone|delay|later|extend|extension|延期|延后|推迟|晚|宽限|缓", re.IGNORECASE
)
_DURATION = re.compile(
    rf"{_NUMBER}\s*(?:个)?\s*(天|日|days?|周|星期|weeks?|月|months?)", re.IGNORECASE
)


# A deferral asked for in so many words ("I want to defer", "能不能延期两周"): not "later",
# "晚" or "缓", which also ask for a call later or a promise later today.
_DEFERRAL = re.compile(
    r"\bdefer(?:ral|ring|red|ment)?\b|\bpostpon\w*|\bextension\b|\bpayment holiday\b|延期|宽限",
    re.IGNORECASE,
)


def asks_deferral(text: str) -> bool:
    """Whether the message asks, in so many words, to pay later (a deferral)."""
    return _DEFERRAL.search(text) is not None


# Money strain told in so many words ("压力好大", "还款压力太大"): the plan options answer it
# (the classifier can read the "好" of "压力好大" as a greeting).
_STRAIN = re.compile(r"压力(?:好|太|很|真的|非常|特别|有点|挺)?大|还款压力|喘不过气")


# Asking for interest or fees to be waived, reduced or frozen ("滞纳金能不能免了", "can you
# waive the late fees"): not something the bot can grant, a person decides.
_CHARGES_ZH = r"(?:罚息|利息|滞纳金|违约金|逾期费用?|手续费|费用)"
_CHARGES_EN = r"(?:fees?|inte?rest|penalt\w*|charges)"
_WAIVER = re.compile(
    rf"{_CHARGES_ZH}[^，。,.!?！？]{{0,6}}?(?:减免|免(?:掉|了|除|一部分)?|少收|打(?:个)?对?折|优惠|冻结)|"
    rf"(?:减免|免掉|免除|免了|免)[^，。,.!?！？]{{0,5}}?{_CHARGES_ZH}|减免|免息|"
    r"\bwaiv\w*|\b(?:drop|reduce|cut|discount|freeze|forgive|remove|cancel|lower)\w*\s+"
    rf"(?:the |my |some of the |part of the )?(?:late |penalty )?{_CHARGES_EN}\b|"
    rf"\b{_CHARGES_EN}\s+(?:be |get |gets )?"
    r"(?:waived|reduced|dropped|frozen|removed|cut|forgiven)\b",
    re.IGNORECASE,
)


def asks_for_a_waiver(text: str) -> bool:
    """Whether the message asks for interest or fees to be waived or reduced."""
    return _WAIVER.search(text) is not None


def asks_for_a_plan(text: str) -> bool:
    """Whether the message asks for instalments ("分4期") or a deferral by its wording, or
    tells of money strain."""
    return (
        parse_installments(text) is not None
        or asks_deferral(text)
        or _STRAIN.search(text) is not None
    )


def parse_deferral_days(text: str) -> int | None:
    """Days of a deferral: "defer 2 weeks" → 14, "延期30天" → 30; needs a deferral word."""
    if not _DEFER_WORD.search(text):
        return None
    match = _DURATION.search(text)
    if match is None:
        return None
    count = _number(match.group(1))
    if count is None:
        return None
    unit = match.group(2).lower()
    if unit in {"周", "星期"} or unit.startswith("week"):
        return count * 7
    if unit == "月" or unit.startswith("month"):
        return count * 30
    return count


_MONEY = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?"
_AMOUNT_ONLY = re.compile(
    rf"^\s*(?:¥|￥|rmb|cny)?\s*{_MONEY}\s*(?:元|块|块钱|yuan|rmb|cny)?\s*$", re.IGNORECASE
)
# Not an amount this reader can take whole: a day, a count, a time, or a figure with a
# multiplier ("1千", "3k", "2万"), which the NLU's entities read.
_NOT_A_PLAIN_AMOUNT = r"(?!\d|[.,]\d)(?!\s*(?:号|日|月|th|st|nd|rd|期|天|:|点|[千万萬百kKwW]))"
_AMOUNT_IN_TEXT = re.compile(
    rf"(?:¥|￥|rmb\s*|cny\s*|pay\s+|还\s*){_MONEY}{_NOT_A_PLAIN_AMOUNT}"
    rf"|{_MONEY}\s*(?:元|块|yuan|rmb|cny)",
    re.IGNORECASE,
)


def _decimal(whole: str, cents: str | None) -> Decimal | None:
    try:
        return Decimal(whole.replace(",", "") + (f".{cents}" if cents else ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None


_FIGURE_ONLY = re.compile(rf"^\s*{_MONEY}\s*$")


def bare_figure(text: str | None) -> Decimal | None:
    """A message that is only a figure, with no currency or unit ("3", "500"): what it counts
    is for the open question to say."""
    match = _FIGURE_ONLY.match(text or "")
    return _decimal(match.group(1), match.group(2)) if match else None


def parse_amount(text: str, *, bare: bool = True) -> Decimal | None:
    """An amount: the whole reply ("500", "¥500", "500元") or, with `bare=False`, one marked
    in a sentence ("I'll pay 500 on the 15th", "周五还500", "300元")."""
    if bare and (match := _AMOUNT_ONLY.match(answer_core(text))):
        return _decimal(match.group(1), match.group(2))
    found = _AMOUNT_IN_TEXT.search(text)
    if found is None:
        return None
    groups = found.groups()
    whole, cents = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
    return _decimal(whole, cents)


_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAYS_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_DAY_ZH = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_DAY_ZH = re.compile(r"(\d{1,2})\s*[号日]")
_MONTH_DAY_SLASH = re.compile(r"(?<![\d:])(\d{1,2})/(\d{1,2})(?![\d/])")
_DAY_EN = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_WEEKDAY_ZH = re.compile(r"(下下|下)?个?(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAY_EN = re.compile(
    r"\b(next\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b", re.IGNORECASE
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(today: date, month: int, day: int) -> date | None:
    """This year's date, or next year's when it is more than half a year gone."""
    found = _safe_date(today.year, month, day)
    if found is not None and found < today - timedelta(days=183):
        return _safe_date(today.year + 1, month, day)
    return found


def _day_of_month(today: date, day: int) -> date | None:
    """The next `day` of a month from today (this month, else next month)."""
    if day >= today.day:
        return _safe_date(today.year, today.month, day)
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return _safe_date(year, month, day)


def parse_date(text: str, today: date) -> date | None:
    """A date the borrower names, relative to their `today`; None when there is none."""
    lowered = text.lower()
    if match := _ISO.search(text):
        return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _MONTH_DAY_ZH.search(text):
        return _month_day(today, int(match.group(1)), int(match.group(2)))
    if match := _MONTH_DAY_SLASH.search(text):
        return _month_day(today, int(match.group(1)), int(match.group(2)))
    if match := _DAY_ZH.search(text):
        return _day_of_month(today, int(match.group(1)))
    if match := _DAY_EN.search(text):
        return _day_of_month(today, int(match.group(1)))
    for words, offset in (
        (("大后天",), 3),
        (("后天", "day after tomorrow"), 2),
        (("明天", "tomorrow"), 1),
        (("今天", "today", "now", "现在", "马上"), 0),
    ):
        if any(word in lowered for word in words):
            return today + timedelta(days=offset)
    if match := _WEEKDAY_ZH.search(text):
        weeks = {None: 0, "下": 1, "下下": 2}[match.group(1)]
        return _weekday(today, _WEEKDAYS_ZH[match.group(2)], weeks)
    if match := _WEEKDAY_EN.search(text):
        weekday = _WEEKDAYS_EN.index(match.group(2).lower())
        return _weekday(today, weekday, 1 if match.group(1) else 0)
    return None


def _weekday(today: date, weekday: int, weeks_ahead: int) -> date:
    """A bare weekday is its next occurrence, today included; "下周五" / "next Friday" is the
    Friday of next week (weeks start on Monday), "下下周五" the week after."""
    if weeks_ahead == 0:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=weeks_ahead, days=weekday)


_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3]):([0-5]\d)(?!\d)")
_AM_PM = re.compile(r"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*(am|pm)\b", re.IGNORECASE)
_HOUR_ZH = re.compile(
    r"(上午|早上|中午|下午|晚上)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*点\s*(半)?"
)


def parse_time(text: str) -> time | None:
    """A time of day: "15:00", "3pm", "3:30 pm", "下午3点", "10点半"."""
    if match := _AM_PM.search(text):
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "pm" else 0)
        return time(hour, int(match.group(2) or 0))
    if match := _CLOCK.search(text):
        return time(int(match.group(1)), int(match.group(2)))
    if match := _HOUR_ZH.search(text):
        number = _number(match.group(2))
        if number is None or number > 23:
            return None
        if match.group(1) in {"下午", "晚上"} and number < 12:
            number += 12
        return time(number, 30 if match.group(3) else 0)
    return None


# A part of the day, for a call back: when its hours start.
_DAY_PARTS = (
    (re.compile(r"上午|早上|早晨|\bmorning\b", re.IGNORECASE), time(9, 0)),
    (re.compile(r"中午|\bnoon\b|\blunch ?time\b", re.IGNORECASE), time(12, 0)),
    (re.compile(r"下午|\bafternoon\b", re.IGNORECASE), time(14, 0)),
    (re.compile(r"晚上|傍晚|\bevening\b|\btonight\b", re.IGNORECASE), time(18, 0)),
)


# A call asked for after a while: "in 2 hours", "in half an hour", "两个小时后", "过两个小时".
_DELAY = re.compile(
    rf"(?P<past>过\s*)?(?P<zh>半|{_NUMBER})\s*个?\s*(?P<zh_unit>小时|钟头|分钟)(?P<after>之?后|以后)?|"
    r"\bin\s+(?P<en>half an|an|a|\d{1,3})\s+(?P<en_unit>hours?|minutes?|mins?)\b",
    re.IGNORECASE,
)


def parse_delay(text: str) -> timedelta | None:
    """How long from now the borrower asks to be called: "in 2 hours" → 2:00:00."""
    match = _DELAY.search(text)
    if match is None:
        return None
    if match["zh"] and not (match["past"] or match["after"]):
        return None  # "2小时" alone is a length of time, not "in 2 hours"
    count = (match["zh"] or match["en"]).lower()
    per_unit = 60 if (match["zh_unit"] or match["en_unit"]).lower()[0] in "小钟h" else 1
    if count in ("半", "half an"):
        return timedelta(minutes=30) if per_unit == 60 else None
    number = 1 if count in ("an", "a") else _number(count)
    return timedelta(minutes=number * per_unit) if number else None


def parse_day_part(text: str) -> time | None:
    """The start of the part of the day named: "下午" / "afternoon" → 14:00."""
    for pattern, start in _DAY_PARTS:
        if pattern.search(text):
            return start
    return None
