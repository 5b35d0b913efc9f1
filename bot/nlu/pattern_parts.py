"""A regex split into parts by the kinds of character every match of a part contains.

The safety lexicon's patterns are long alternations of Chinese and English wordings, most of
them behind a `\\b`, a lookaround or a group, so Python's `re` cannot skip ahead by their first
characters and tries every wording at every position of a message. A wording whose every match
has a Chinese character cannot match an English message, one that needs a Latin letter cannot
match a message in Chinese characters alone, one that needs a digit cannot match a message
without one. `split_by_script` groups a pattern's top-level alternatives by the kinds they
need, so a search runs only the parts the message's characters allow. What a part needs is
read from the parsed regex, not guessed from its text.
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
DIGIT = "digit"  # a decimal digit (`\d`)


@dataclass(frozen=True)
class _Kind:
    """A kind of character: the code point ranges and regex categories that are of it, and
    a regex finding one in a text (every character those allow, and maybe more)."""

    in_range: Callable[[int, int], bool]
    categories: frozenset[Any]
    present: re.Pattern[str]


def _wide(low: int, high: int) -> bool:
    return low >= 0x2E80


def _latin(low: int, high: int) -> bool:
    return ord("a") <= low <= high <= ord("z") or ord("A") <= low <= high <= ord("Z")


def _digit(low: int, high: int) -> bool:
    return ord("0") <= low <= high <= ord("9")


_KINDS = {
    WIDE: _Kind(_wide, frozenset(), re.compile("[\u2e80-\U0010ffff]")),
    LATIN: _Kind(_latin, frozenset(), re.compile("[A-Za-z]")),
    DIGIT: _Kind(_digit, frozenset({sre.CATEGORY_DIGIT}), re.compile(r"\d")),
}


def _is_of(kind: _Kind, op: Any, value: Any) -> bool:
    """Whether the character-set item (`op`, `value`) only stands for characters of `kind`."""
    if op is sre.LITERAL:
        return kind.in_range(value, value)
    if op is sre.RANGE:
        return kind.in_range(*value)
    return op is sre.CATEGORY and value in kind.categories


def _needs(items: Any, kind: _Kind) -> bool:
    """Whether every match of the parsed sequence `items` contains a character of `kind`."""
    for op, av in items:
        if op is sre.LITERAL and _is_of(kind, op, av):
            return True
        if op is sre.IN and av and all(_is_of(kind, item, value) for item, value in av):
            return True
        if op is sre.BRANCH and all(_needs(branch, kind) for branch in av[1]):
            return True
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE and _needs(av[3], kind):
            return True
        if op is sre.ATOMIC_GROUP and _needs(av, kind):
            return True
        if (
            op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
            and av[0] >= 1
            and _needs(av[2], kind)
        ):
            return True
    return False


def _needed(alternative: str) -> frozenset[str]:
    """The kinds of character every match of the regex `alternative` contains."""
    parsed = sre_parse.parse(alternative)
    if parsed.state.flags & re.IGNORECASE:
        return frozenset()  # a letter may then match a character of another kind (K and U+212A)
    return frozenset(name for name, kind in _KINDS.items() if _needs(parsed.data, kind))


@dataclass(frozen=True)
class PatternParts:
    """A pattern's alternatives grouped by the kinds of character their matches need."""

    parts: tuple[tuple[frozenset[str], re.Pattern[str]], ...]

    def search(self, text: str, kinds: frozenset[str]) -> bool:
        """Whether the whole pattern matches somewhere in `text`, whose `kinds` are given."""
        return any(needed <= kinds and part.search(text) is not None for needed, part in self.parts)


def split_by_script(alternatives: list[str]) -> PatternParts:
    """The alternatives (each a regex) as one pattern per set of kinds their matches need."""
    grouped: dict[frozenset[str], list[str]] = {}
    for alternative in alternatives:
        for piece in split_alternatives(alternative):
            grouped.setdefault(_needed(piece), []).append(piece)
    return PatternParts(
        tuple(
            (needed, re.compile("|".join(f"(?:{piece})" for piece in pieces)))
            for needed, pieces in grouped.items()
        )
    )


def kinds_in(text: str) -> frozenset[str]:
    """The kinds of character `text` has."""
    return frozenset(name for name, kind in _KINDS.items() if kind.present.search(text))
