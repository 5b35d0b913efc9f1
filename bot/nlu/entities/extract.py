"""Runs every entity finder on a message and returns non-overlapping, resolved entities."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from bot.nlu.base import Entity
from bot.nlu.entities.dates import DateRules, Found, find_times
from bot.nlu.entities.money import find_amounts, find_instalments
from bot.nlu.normalize import fold

# Cheap pre-check: without a digit, numeral, or date/time word there is nothing to resolve.
_MAYBE = re.compile(
    r"[\d零〇一二两三四五六七八九十百千万半]|今|明|后天|後天|后日|听日|听朝|周|星期|礼拜|月|号|点|午|晚|早"
    r"|today|tomorrow|tonight|tm|2mor|2day|2nite|day|week|month|mon|tue|wed|thu|fri|sat|sun"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|noon|midnight|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|eom|morning|afternoon|evening|weekend|end"
)


class EntityExtractor:
    """amount (Decimal string), installments (int), date (ISO date), time ("HH:MM")."""

    def __init__(self, synonyms: dict[str, str] | None = None) -> None:
        self._dates = DateRules(synonyms)

    def extract(self, text: str, now: datetime) -> list[Entity]:
        """Entities in `text`; offsets index the original text, dates are relative to `now`."""
        folded = fold(text)
        if not _MAYBE.search(folded):
            return []
        found: list[Found] = []
        _keep(found, self._dates.find(folded, now.date()))
        _keep(found, find_times(folded, [(f.start, f.end) for f in found]))
        _keep(found, find_instalments(folded))
        _keep(found, find_amounts(folded, [(f.start, f.end) for f in found]))
        found.sort(key=lambda f: f.start)
        return [Entity(entity=f.entity, value=f.value, start=f.start, end=f.end) for f in found]


def _keep(found: list[Found], candidates: Iterable[Found]) -> None:
    """Add candidates that do not overlap what was already found (longest first)."""
    for candidate in sorted(candidates, key=lambda f: f.start - f.end):
        if all(candidate.end <= f.start or f.end <= candidate.start for f in found):
            found.append(candidate)
