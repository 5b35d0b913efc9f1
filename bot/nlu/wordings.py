"""The literal wordings a lexicon pattern stands for, so the safety net can tolerate a typo in
any of them without a second, hand-kept list.

Only the small regex subset the lexicon is written in is understood: literal characters,
`(?:…)` groups, `|`, `?`, `[…]` sets of plain characters and the anchors `\\b`, `^`, `$`. An
alternative that uses anything else (`.`, `\\w`, `*`, `+`, `{m,n}`, lookarounds …) stands for
too many wordings, or for conditions a plain string cannot keep, and yields none; so does one
marked with the regex comment `(?#exact)` (the lexicon's way to opt an alternative out).
"""

from __future__ import annotations

import re
from itertools import product

MAX_WORDINGS = 64
_ANCHORS = {"\\b": "", "^": "", "$": ""}
_UNSUPPORTED = frozenset(".*+{")


class _UnsupportedError(Exception):
    """The alternative is outside the understood subset."""


def wordings(pattern: str) -> list[str]:
    """Every wording of each top-level alternative of `pattern` that is a plain string set."""
    found: list[str] = []
    for alternative in split_alternatives(pattern):
        try:
            texts, end = _sequence(alternative, 0)
        except _UnsupportedError:
            continue
        if end == len(alternative):
            found.extend(texts)
    return list(dict.fromkeys(found))


def split_alternatives(pattern: str) -> list[str]:
    """`a|(?:b|c)|d` → [`a`, `(?:b|c)`, `d`]; one `(?:…)` wrapping the whole is opened first."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    out: list[str] = []
    for part in parts:
        inner = part[3:-1] if part.startswith("(?:") and _closes_at_end(part) else None
        out.extend(split_alternatives(inner) if inner is not None else [part])
    return out


def _closes_at_end(part: str) -> bool:
    """True when the group opened at position 0 closes at the last character."""
    depth, i = 0, 0
    while i < len(part):
        if part[i] == "\\":
            i += 2
            continue
        depth += part[i] in "(["
        depth -= part[i] in ")]"
        if depth == 0:
            return i == len(part) - 1
        i += 1
    return False


def _sequence(text: str, i: int) -> tuple[list[str], int]:
    """Wordings of the alternatives starting at `i`, up to an unmatched `)` or the end."""
    options: list[str] = []
    current = [""]
    while i < len(text) and text[i] != ")":
        if text[i] == "|":
            options.extend(current)
            current, i = [""], i + 1
            continue
        item, i = _item(text, i)
        if i < len(text) and text[i] == "?":
            item, i = [*item, ""], i + 1
        current = _join(current, item)
    return list(dict.fromkeys([*options, *current])), i


def _item(text: str, i: int) -> tuple[list[str], int]:
    """One atom at `i`: a literal, an escape, a set or a non-capturing group."""
    char = text[i]
    if char == "(":
        if not text.startswith("(?:", i):
            raise _UnsupportedError(text)
        inner, end = _sequence(text, i + 3)
        if end >= len(text):
            raise _UnsupportedError(text)
        return inner, end + 1
    if char == "[":
        end = text.find("]", i + 1)
        members = text[i + 1 : end]
        if end < 0 or "\\" in members or "^" in members or re.search(r".-.", members):
            raise _UnsupportedError(text)
        return list(members), end + 1
    if char == "\\":
        escape = text[i : i + 2]
        if escape in _ANCHORS:
            return [""], i + 2
        if len(escape) == 2 and not escape[1].isalnum():
            return [escape[1]], i + 2
        raise _UnsupportedError(text)
    if char in _ANCHORS:
        return [""], i + 1
    if char in _UNSUPPORTED:
        raise _UnsupportedError(text)
    return [char], i + 1


def _join(left: list[str], right: list[str]) -> list[str]:
    joined = ["".join(pair) for pair in product(left, right)]
    if len(joined) > MAX_WORDINGS:
        raise _UnsupportedError("too many wordings")
    return joined
