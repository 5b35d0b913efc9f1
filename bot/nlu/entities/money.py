"""Money amounts ("500", "五百块", "3千5", "¥1,200.50", "2k", "five hundred dollars") and
instalment counts ("分6期", "six months", "3 instalments")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from bot.nlu.entities.dates import Found
from bot.nlu.entities.numbers import DIGITS, EN_NUMBER, ZH_NUMBER, parse_int, parse_number

_CENTS = Decimal("0.01")
_MAX_AMOUNT = Decimal(100_000_000)
_CURRENCY_BEFORE = r"(?:[¥$]|rmb|cny|usd|hkd)\s?"
_CURRENCY_AFTER = r"\s?(?:元|块钱|块|塊|rmb|yuan|cny|usd|dollars?|bucks)"
_NUMBER = (
    rf"(?:{DIGITS}(?:\s?(?:k\b|w\b|千|万)[零一二两三四五六七八九\d]?)?"
    rf"|{ZH_NUMBER}|{EN_NUMBER}(?:\s(?:hundred|thousand))?)"
)
_AMOUNT = re.compile(
    rf"(?P<cur>{_CURRENCY_BEFORE})(?P<a>{_NUMBER})"
    rf"|(?P<b>{_NUMBER})(?P<unit>{_CURRENCY_AFTER})(?![a-z])"
    rf"|(?P<c>{_NUMBER})"
)
# A bare number followed by one of these is a date, time, count or duration, not money.
_NOT_MONEY_AFTER = re.compile(
    r"\s?(?:号|日|月|年|点|點|时|:|期|个|天|周|星期|岁|%|次|小时|分钟|分|楼|层|位|笔|张|秒"
    r"|st\b|nd\b|rd\b|th\b|am\b|pm\b|a\.m|p\.m|o'?clock|days?\b|weeks?\b|months?\b|years?\b"
    r"|hours?\b|minutes?\b|mins?\b|installments?\b|instalments?\b|payments?\b|times?\b"
    r"|percent|yrs?\b)"
)
_PHONE_LIKE = re.compile(r"\d{7,}")
_MONEY_WORDS = re.compile(r"[百千万]|hundred|thousand|\d[kw]\b|\.\d\d\b|,\d{3}")

_INSTALMENTS = re.compile(
    rf"分\s?(?P<a>{ZH_NUMBER})\s?(?:期|个月|個月|次)"
    rf"|(?<!第)(?P<b>{ZH_NUMBER})\s?期(?!限|间)"
    rf"|(?P<c>{ZH_NUMBER})\s?个月(?=\s?(?:还|分期|内还|还完|还清|慢慢还|付))"
    rf"|(?P<d>\d+|{EN_NUMBER})[\s-]?"
    r"(?:installments?|instalments?|monthly (?:payments|installments|instalments)|payments)\b"
    r"|(?:over|across|into|spread over|split over|in|within)\s(?:the next\s)?"
    rf"(?P<e>\d+|{EN_NUMBER})[\s-]?months?\b(?!\s?(?:ago|late|overdue|behind))"
    rf"|(?P<f>\d+|{EN_NUMBER})[\s-]months?\s(?:plan|instal)"
)


def _quantize(value: Decimal) -> str:
    return str(value.quantize(_CENTS))


def find_amounts(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Money amounts in `text` (folded) that do not overlap the `taken` spans."""
    for match in _AMOUNT.finditer(text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        raw = match.group("a") or match.group("b") or match.group("c")
        marked = bool(match.group("cur") or match.group("unit"))
        if not marked and not _bare_amount(text, raw, end):
            continue
        value = parse_number(raw.strip())
        if value is None or value <= 0 or value > _MAX_AMOUNT:
            continue
        yield Found("amount", _quantize(value), start, end)


def _bare_amount(text: str, raw: str, end: int) -> bool:
    """A number without a currency is money when it is big or written like money."""
    if _NOT_MONEY_AFTER.match(text, end) or _PHONE_LIKE.fullmatch(raw.strip()):
        return False
    if end > 0 and end < len(text) and text[end - 1].isdigit() and text[end] == ".":
        return False
    value = parse_number(raw.strip())
    if value is None:
        return False
    return value >= 10 or bool(_MONEY_WORDS.search(raw))


def find_instalments(text: str) -> Iterator[Found]:
    """Instalment counts ("分6期", "6 installments", "over six months") as ints 1–120."""
    for match in _INSTALMENTS.finditer(text):
        raw = next(g for g in match.groups() if g)
        count = parse_int(raw.strip())
        if count is not None and 1 <= count <= 120:
            yield Found("installments", count, match.start(), match.end())
