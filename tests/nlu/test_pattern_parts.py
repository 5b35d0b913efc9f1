"""The safety lexicon's patterns searched in parts by the characters a match needs: the same
answer as the whole pattern, for less work on a message of one script."""

from __future__ import annotations

import pytest

from bot.nlu.normalize import fold
from bot.nlu.pattern_parts import DIGIT, LATIN, WIDE, kinds_in, split_by_script
from bot.nlu.safety import LEXICON
from bot.nlu.wordings import wordings


def kinds_of(alternatives: list[str]) -> dict[frozenset[str], str]:
    return {needed: part.pattern for needed, part in split_by_script(alternatives).parts}


def test_wordings_are_grouped_by_the_characters_every_match_needs() -> None:
    assert kinds_of([r"自杀|轻生|\bkms\b", r"(?:盲人|\bblind\b)", r"我(?:今年)?[7-9]\d岁"]) == {
        frozenset({WIDE}): "(?:自杀)|(?:轻生)|(?:盲人)",
        frozenset({LATIN}): r"(?:\bkms\b)|(?:\bblind\b)",
        frozenset({WIDE, DIGIT}): r"(?:我(?:今年)?[7-9]\d岁)",
    }
    assert set(kinds_of([r"(?:你)?abc"])) == {frozenset({LATIN})}
    assert set(kinds_of([r"(?<!\d)12378(?!\d)"])) == {frozenset({DIGIT})}
    # Optional or repeatable-from-zero parts, lookarounds and case-folding need nothing.
    assert set(kinds_of([r"(?:你)*(?:\d)?"])) == {frozenset()}
    assert set(kinds_of([r"(?=你)"])) == {frozenset()}
    assert set(kinds_of([r"(?i:abc)"])) == {frozenset()}


def test_a_part_runs_only_on_text_with_the_characters_it_needs() -> None:
    parts = split_by_script([r"自杀", r"\bkms\b", r"\d{4}"])
    assert parts.search("我想自杀", kinds_in("我想自杀"))
    assert not parts.search("我想自杀", frozenset())  # told there is no Chinese: not searched
    assert parts.search("1234", kinds_in("1234"))
    assert kinds_in("abc 你好 3") == {LATIN, WIDE, DIGIT}
    assert kinds_in("１２３ ＡＢＣ") == {WIDE, DIGIT}  # full-width digits are digits too
    assert kinds_in(fold("１２３ ＡＢＣ")) == {LATIN, DIGIT}


def corpus() -> list[str]:
    """Every plain wording of the lexicon, in context and alone, and ordinary messages."""
    plain = sorted({w for signal in LEXICON for w in wordings(signal.pattern.pattern)})
    ordinary = ["我还欠多少钱", "what do I owe", "下周五还500", "ok 👍", "", "4321", "I'm 75"]
    return [
        *plain,
        *(f"please, {w}!" for w in plain),
        *(f"我说{w}了" for w in plain),
        *ordinary,
    ]


@pytest.mark.parametrize("signal", LEXICON, ids=lambda signal: signal.name)
def test_each_signal_fires_exactly_when_its_whole_pattern_matches(signal) -> None:  # type: ignore[no-untyped-def]
    fired = 0
    for text in corpus():
        folded = fold(text)
        whole = signal.pattern.search(folded) is not None
        assert signal.fires(folded, kinds_in(folded)) == whole, text
        fired += whole
    assert fired > 0
