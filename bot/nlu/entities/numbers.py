"""Numbers as borrowers write them: "1,200.50", "3千5", "1.2万", "五百", "two", "2k"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an
from text_to_num import text2num  # type: ignore[import-untyped]

_EN_UNITS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    "|eighty|ninety"
)
EN_NUMBER = rf"(?:\b(?:{_EN_UNITS})\b(?:[\s-]+(?:and\s+)?(?:{_EN_UNITS}|hundred|thousand)\b)*)"
ZH_NUMBER = r"(?:[零〇一二两三四五六七八九十百千万\d][零〇一二两三四五六七八九十百千万\d.]*)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_ZH_CHARS = re.compile(r"[零〇一二两三四五六七八九十百千万]")
_MAGNITUDE = {"k": Decimal(1000), "w": Decimal(10000)}


@lru_cache(maxsize=2048)
def parse_number(text: str) -> Decimal | None:
    """The value of a number written in digits, Chinese numerals, English words or a mix."""
    cleaned = text.strip().lower().replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    multiplier = Decimal(1)
    if cleaned[-1] in _MAGNITUDE and cleaned[:-1]:
        multiplier = _MAGNITUDE[cleaned[-1]]
        cleaned = cleaned[:-1]
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
            return Decimal(cleaned) * multiplier
        if _ZH_CHARS.search(cleaned) or re.fullmatch(
            r"[\d.零〇一二两三四五六七八九十百千万]+", cleaned
        ):
            return Decimal(str(cn2an.cn2an(cleaned, "smart"))) * multiplier
        return Decimal(int(text2num(text.strip().lower(), "en"))) * multiplier
    except (ValueError, InvalidOperation, KeyError, IndexError, TypeError):
        return None


def parse_int(text: str) -> int | None:
    """A whole number, or None."""
    value = parse_number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
