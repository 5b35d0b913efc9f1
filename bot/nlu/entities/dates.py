"""Dates and times for promises and callbacks, resolved relative to the borrower's "now".

Rules cover what borrowers write and `dateparser` misses or resolves into the past ("下周五",
"15号", "月底", "the 15th", "next Monday", "end of the month"); `dateparser` resolves spelled-out
calendar dates ("December 5", "5 Dec 2026"), only when a month name is present (it is slow).

Conventions: "next <weekday>" / "下周X" is that weekday in the next Monday-based week; a bare
weekday or day of month is its next occurrence (today included); "next week" / "下周" is next
Monday; "weekend" is Saturday; "next month" is its 1st. A clock hour 1–6 with no am/pm or
period word is read as afternoon (people book calls and payments in business hours).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from bot.nlu.entities.numbers import EN_NUMBER, ZH_NUMBER, parse_int

_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEKDAYS = {
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_EN_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b"
)
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)\b"


@dataclass(frozen=True)
class Found:
    """A resolved entity span in the (folded) text."""

    entity: str
    value: object
    start: int
    end: int


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _monday(day: date) -> date:
    return day - _days(day.weekday())


def _next_weekday(today: date, weekday: int) -> date:
    return today + _days((weekday - today.weekday()) % 7)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _day_of_month(today: date, day: int, month_offset: int | None = None) -> date | None:
    """The given day this month (next month if already past), or in an explicit offset."""
    base = today.replace(day=1)
    if month_offset is not None:
        base = _add_months(base, month_offset)
        return _safe(base.year, base.month, day)
    candidate = _safe(base.year, base.month, day)
    if candidate is not None and candidate >= today:
        return candidate
    following = _add_months(base, 1)
    return _safe(following.year, following.month, day)


def _month_day(today: date, month: int, day: int, year: int | None = None) -> date | None:
    if year is not None:
        return _safe(year, month, day)
    candidate = _safe(today.year, month, day)
    if candidate is not None and candidate < today:
        candidate = _safe(today.year + 1, month, day)
    return candidate


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateRules:
    """Finds and resolves date expressions; `today_words` etc. include data synonyms."""

    def __init__(self, synonyms: dict[str, str] | None = None) -> None:
        variants: dict[str, list[str]] = {"today": [], "tomorrow": [], "tonight": []}
        for variant, canonical in (synonyms or {}).items():
            if canonical in variants and re.fullmatch(r"[a-z0-9]+", variant):
                variants[canonical].append(re.escape(variant))
        today = "|".join(["today", *variants["today"]])
        tomorrow = "|".join(["tomorrow", *variants["tomorrow"]])
        tonight = "|".join(["tonight", *variants["tonight"]])
        self._en = re.compile(
            rf"\b(?:(?P<dayafter>(?:the )?day after (?:{tomorrow}))"
            rf"|(?P<tomorrow>{tomorrow})"
            rf"|(?P<today>{today}|{tonight}|this (?:morning|afternoon|evening))"
            rf"|(?:in|within) (?P<ndays>\d+|{EN_NUMBER}|a) (?P<unit>days?|weeks?)\b"
            rf"|(?P<ndays2>\d+|{EN_NUMBER}|a) (?P<unit2>days?|weeks?) (?:from now|later|time)\b"
            rf"|(?P<eom>(?:the )?end of (?:the |this )?month|month[- ]end|\beom)"
            rf"|(?P<eonm>(?:the )?end of next month)"
            rf"|(?P<nextmonth>next month|(?:the )?(?:beginning|start) of next month)"
            rf"|(?P<nextweekend>next weekend)"
            rf"|(?P<weekend>(?:this |the )?weekend)"
            rf"|(?P<nextweek>next week)"
            rf"|(?P<next>next |this coming |coming )?(?:this |on )?{_EN_WEEKDAY}"
            rf"|(?:the )?{_ORDINAL}(?: of (?P<ofnext>next month|this month))?"
            rf"|(?P<iso>\d{{4}}-\d{{1,2}}-\d{{1,2}})"
            rf"|(?P<named>{_MONTH_NAME}\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
            rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH_NAME}\b\.?(?:,? \d{{4}})?)"
            r")"
        )
        zh_day = rf"(?P<zday>{ZH_NUMBER})\s?(?:号|日)"
        self._zh = re.compile(
            r"(?P<dat>大后天)|(?P<after>后天|後天|后日)"  # 后日, 听日, 听朝: Cantonese
            r"|(?P<tom>明天|明日|明儿|明早|明晚|明天早上|明天晚上|听日|听朝)"
            r"|(?P<tod>今天|今日|今儿|今晚|今早|今夜|今天下午|今天晚上)"
            rf"|(?P<zn>{ZH_NUMBER})\s?(?P<zunit>天|个?(?:周|星期|礼拜))(?:后|以后|之后)"
            rf"|过(?P<zn2>{ZH_NUMBER})\s?(?P<zunit2>天|个?(?:周|星期|礼拜)(?![一二三四五六日天末]))"
            r"|(?P<zeonm>下个?月(?:底|末))|(?P<zeom>(?:这个?月|本月)?(?:月底|月末|月尾))"
            rf"|(?P<zym>(?P<zyear>\d{{4}})\s?年\s?)?(?:(?P<zmonth>{ZH_NUMBER})\s?月|(?P<znext>下个?月)\s?)?{zh_day}"
            r"|(?P<zbom>下个?月初|月初)|(?P<znm>下个?月)"
            r"|(?P<znweekend>下(?:个)?周末)|(?P<zweekend>(?:这|本)?周末)"
            r"|(?P<zprefix>下下|下|这|本)?(?:个)?(?:周|星期|礼拜)(?P<zwd>[一二三四五六日天])"
            r"|(?P<znweek>下(?:个)?(?:周|星期|礼拜))(?![一二三四五六日天末])"
            r"|(?P<ziso>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
        )

    def find(self, text: str, today: date) -> Iterator[Found]:
        """Dates in `text` (already folded) resolved relative to `today`."""
        for match in self._zh.finditer(text):
            value = self._resolve_zh(match, today)
            if value is not None:
                yield Found("date", value.isoformat(), match.start(), match.end())
        for match in self._en.finditer(text):
            value = self._resolve_en(match, today)
            if value is not None:
                yield Found("date", value.isoformat(), match.start(), match.end())

    def _resolve_zh(self, m: re.Match[str], today: date) -> date | None:
        g = m.groupdict()
        if g["dat"]:
            return today + _days(3)
        if g["after"]:
            return today + _days(2)
        if g["tom"]:
            return today + _days(1)
        if g["tod"]:
            return today
        if g["zn"] or g["zn2"]:
            n = parse_int(g["zn"] or g["zn2"])
            days = 1 if (g["zunit"] or g["zunit2"]) == "天" else 7
            return today + _days(n * days) if n is not None and 0 < n * days <= 366 else None
        if g["zeonm"]:
            return _month_end(_add_months(today.replace(day=1), 1))
        if g["zeom"]:
            return _month_end(today)
        if g["zday"]:
            day = parse_int(g["zday"])
            if day is None or not 1 <= day <= 31:
                return None
            if g["zmonth"]:
                month = parse_int(g["zmonth"])
                year = int(g["zyear"]) if g["zyear"] else None
                return _month_day(today, month, day, year) if month and 1 <= month <= 12 else None
            return _day_of_month(today, day, 1 if g["znext"] else None)
        if g["zbom"] or g["znm"]:
            return _add_months(today.replace(day=1), 1)
        if g["znweekend"]:
            return _monday(today) + _days(12)
        if g["zweekend"]:
            return _next_weekday(today, 5)
        if g["zwd"]:
            weekday = _ZH_WEEKDAYS[g["zwd"]]
            prefix = g["zprefix"]
            if prefix == "下":
                return _monday(today) + _days(7 + weekday)
            if prefix == "下下":
                return _monday(today) + _days(14 + weekday)
            return _next_weekday(today, weekday)
        if g["znweek"]:
            return _monday(today) + _days(7)
        if g["ziso"]:
            year, month, day = (int(p) for p in re.split(r"[-/.]", g["ziso"]))
            return _safe(year, month, day)
        return None

    def _resolve_en(self, m: re.Match[str], today: date) -> date | None:
        g = m.groupdict()
        if g["dayafter"]:
            return today + _days(2)
        if g["tomorrow"]:
            return today + _days(1)
        if g["today"]:
            return today
        if g["ndays"] or g["ndays2"]:
            raw = g["ndays"] or g["ndays2"]
            n = 1 if raw == "a" else parse_int(raw)
            days = 7 if (g["unit"] or g["unit2"]).startswith("week") else 1
            return today + _days(n * days) if n is not None and 0 < n * days <= 366 else None
        if g["eonm"]:
            return _month_end(_add_months(today.replace(day=1), 1))
        if g["eom"]:
            return _month_end(today)
        if g["nextmonth"]:
            return _add_months(today.replace(day=1), 1)
        if g["nextweekend"]:
            return _monday(today) + _days(12)
        if g["weekend"]:
            return _next_weekday(today, 5)
        if g["nextweek"]:
            return _monday(today) + _days(7)
        if g["wd"]:
            weekday = _EN_WEEKDAYS[g["wd"][:3]]
            if g["next"] and g["next"].strip() == "next":
                return _monday(today) + _days(7 + weekday)
            return _next_weekday(today, weekday)
        if g["day"]:
            day = int(g["day"])
            offset = {"next month": 1, "this month": 0}.get(g["ofnext"] or "")
            return _day_of_month(today, day, offset) if 1 <= day <= 31 else None
        if g["iso"]:
            year, month, day = (int(p) for p in g["iso"].split("-"))
            return _safe(year, month, day)
        if g["named"]:
            return _dateparser(g["named"], today)
        return None


@lru_cache(maxsize=1024)
def _dateparser(text: str, today: date) -> date | None:
    base = datetime(today.year, today.month, today.day, 12)
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"},
    )
    return parsed.date() if parsed is not None else None


# --- times ----------------------------------------------------------------------------------

_ZH_PERIOD = r"(?P<period>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|半夜|早|晚)?"
_ZH_TIME = re.compile(
    rf"{_ZH_PERIOD}\s?(?P<hour>{ZH_NUMBER})\s?(?:点钟|点|時|时)"
    rf"(?:\s?(?P<half>半)|\s?(?P<quarter>一刻|三刻)|\s?(?P<minute>{ZH_NUMBER})\s?分?)?"
)
_EN_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s?(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<hh>\d{1,2}):(?P<mm>\d{2})\b"
    r"|\b(?P<oclock>\d{1,2}) o'?clock\b"
    r"|\b(?P<noon>noon|midday|lunchtime)\b|\b(?P<midnight>midnight)\b"
)
_ZH_NOON = re.compile(r"中午(?!\s?[零〇一二两三四五六七八九十\d])")
_AFTERNOON = {"中午", "下午", "傍晚", "晚上", "夜里", "晚"}


def _hhmm(hour: int, minute: int) -> str | None:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    return None


def _business_hour(hour: int) -> int:
    return hour + 12 if 1 <= hour <= 6 else hour


def find_times(text: str, taken: Iterable[tuple[int, int]] = ()) -> Iterator[Found]:
    """Clock times in `text` (already folded) as "HH:MM"; spans in `taken` are trimmed off."""
    spans = list(taken)
    for match in _ZH_TIME.finditer(text):
        value = _resolve_zh_time(match)
        if value is not None:
            start = match.start()
            for begin, end in spans:
                if begin <= start < end:
                    start = end
            yield Found("time", value, start, match.end())
    for match in _ZH_NOON.finditer(text):
        yield Found("time", "12:00", match.start(), match.end())
    for match in _EN_TIME.finditer(text):
        value = _resolve_en_time(match)
        if value is not None:
            yield Found("time", value, match.start(), match.end())


def _resolve_zh_time(m: re.Match[str]) -> str | None:
    hour = parse_int(m.group("hour"))
    if hour is None:
        return None
    minute = 0
    if m.group("half"):
        minute = 30
    elif m.group("quarter"):
        minute = 15 if m.group("quarter") == "一刻" else 45
    elif m.group("minute"):
        minute = parse_int(m.group("minute")) or 0
    period = m.group("period")
    if period in _AFTERNOON and hour < 12 and not (period == "中午" and hour >= 11):
        hour += 12
    elif period is None:
        hour = _business_hour(hour)
    return _hhmm(hour, minute)


def _resolve_en_time(m: re.Match[str]) -> str | None:
    if m.group("noon"):
        return "12:00"
    if m.group("midnight"):
        return "00:00"
    if m.group("hh"):
        return _hhmm(int(m.group("hh")), int(m.group("mm")))
    if m.group("oclock"):
        return _hhmm(_business_hour(int(m.group("oclock"))), 0)
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or 0)
    if hour > 12:
        return None
    is_pm = m.group("ampm").startswith("p")
    if is_pm and hour < 12:
        hour += 12
    if not is_pm and hour == 12:
        hour = 0
    return _hhmm(hour, minute)
