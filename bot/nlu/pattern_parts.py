"""A regex split into parts by the kind of character every match of a part contains.

The safety lexicon's patterns are long alternations of Chinese and English wordings, most of
them behind a `\\b` or a group, so Python's `re` cannot skip ahead by their first characters and
tries every wording at every position of a message. A wording that only matches text with a
Chinese character cannot match an English message, and one that needs a Latin letter cannot
match a message in Chinese characters alone; `split_by_script` groups a pattern's top-level
alternatives that way, so a search runs only the parts the message's characters allow. Whether
a part needs a kind of character is read from the parsed regex, not guessed from its text.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.nlu.wordings import split_alternatives

WIDE = "wide"  # a character at or above U+2E80: CJK, full-width forms
LATIN = "latin"  # an ASCII letter
_FIRST_WIDE = 0x2E80
_PRESENT = {
    WIDE: re.compile("[\u2e80-\U0010ffff]"),
    LATIN: re.compile("[A-Za-z]"),
}


def _is_wide(low: int, high: int) -> bool:
    return low >= _FIRST_WIDE


def _is_latin(low: int, high: int) -> bool:
    return ord("a") <= low <= high <= ord("z") or ord("A") <= low <= high <= ord("Z")


_IN_RANGE: dict[str, Callable[[int, int], bool]] = {WIDE: _is_wide, LATIN: _is_latin}


def _needs(items: Any, in_range: Callable[[int, int], bool]) -> bool:
    """Whether every match of the parsed sequence `items` contains a character in range."""
    for op, av in items:
        if op is sre.LITERAL and in_range(av, av):
            return True
        if (
            op is sre.IN
            and av
            and all(
                (kind is sre.LITERAL and in_range(value, value))
                or (kind is sre.RANGE and in_range(*value))
                for kind, value in av
            )
        ):
            return True
        if op is sre.BRANCH and all(_needs(branch, in_range) for branch in av[1]):
            return True
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE and _needs(av[3], in_range):
            return True
        if op is sre.ATOMIC_GROUP and _needs(av, in_range):
            return True
        if (
            op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
            and av[0] >= 1
            and _needs(av[2], in_range)
        ):
            return True
    return False


def _kind(alternative: str) -> str | None:
    parsed = sre_parse.parse(alternative)
    if parsed.state.flags & re.IGNORECASE:
        return None  # a letter may then match a character of another kind (K and U+212A)
    for kind, in_range in _IN_RANGE.items():
        if _needs(parsed.data, in_range):
            return kind
    return None


@dataclass(frozen=True)
class PatternParts:
    """A pattern's alternatives grouped by the kind of character their matches need."""

    parts: tuple[tuple[str | None, re.Pattern[str]], ...]

    def search(self, text: str, kinds: frozenset[str]) -> bool:
        """Whether the whole pattern matches somewhere in `text`, whose `kinds` are given."""
        return any(
            (kind is None or kind in kinds) and part.search(text) is not None
            for kind, part in self.parts
        )


def split_by_script(alternatives: list[str]) -> PatternParts:
    """The alternatives (each a regex) as at most three patterns: those whose every match
    needs a wide character, those that need a Latin letter, and the rest."""
    grouped: dict[str | None, list[str]] = {}
    for alternative in alternatives:
        for piece in split_alternatives(alternative):
            grouped.setdefault(_kind(piece), []).append(piece)
    return PatternParts(
        tuple(
            (kind, re.compile("|".join(f"(?:{piece})" for piece in pieces)))
            for kind, pieces in grouped.items()
        )
    )


def kinds_in(text: str) -> frozenset[str]:
    """The kinds of character `text` has."""
    return frozenset(kind for kind, present in _PRESENT.items() if present.search(text))
