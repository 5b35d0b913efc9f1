"""The plain wordings behind a lexicon pattern."""

from __future__ import annotations

from bot.nlu.wordings import wordings


def test_groups_options_and_sets_are_expanded() -> None:
    assert set(wordings(r"(?:儿子|女儿)(?:已经)?走了")) == {
        "儿子走了",
        "儿子已经走了",
        "女儿走了",
        "女儿已经走了",
    }
    assert set(wordings(r"self[- ]?harm|\bkms\b")) == {"self-harm", "self harm", "selfharm", "kms"}


def test_alternatives_outside_the_subset_yield_nothing() -> None:
    assert set(wordings(r"suicid\w*|kill my ?self")) == {"kill my self", "kill myself"}
    assert wordings(r"(?<!是)人工客服(?!吗)|paid .{0,25}only|a+b") == []


def test_too_many_wordings_yield_nothing() -> None:
    assert wordings("(?:a|b)(?:a|b)(?:a|b)(?:a|b)(?:a|b)(?:a|b)(?:a|b)") == []
