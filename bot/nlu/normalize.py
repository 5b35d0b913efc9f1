"""Text normalisation shared by training and parsing.

Two flavours:

- `fold` keeps the text's length, so entity offsets found in the folded text are offsets in
  the original: full-width → half-width, traditional → simplified, lower case, invisible
  characters → spaces.
- `normalize` is for the classifier: `fold`, then emoji mapped to a word or dropped, repeated
  letters and punctuation squeezed, spelling synonyms applied, whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Protocol

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\u00ad]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0e\ufe0f\u200d\u20e3]"
)
_EMOJI_WORDS: dict[str, str] = {
    "👍": " ok ",
    "👌": " ok ",
    "✅": " ok ",
    "👎": " no ",
    "❌": " no ",
    "🤖": " robot ",
    "📞": " phone ",
    "☎": " phone ",
    "📱": " phone ",
    "👋": " hi ",
}
_REPEATED_LETTER = re.compile(r"([a-z])\1{2,}")
_REPEATED_MARK = re.compile(r"([!?.,~。，！？、])\1+")
_ASCII_WORD = re.compile(r"[a-z0-9']+")
_SPACES = re.compile(r"\s+")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _t2s() -> _Converter:
    """OpenCC's traditional → simplified converter, built on first use (it reads files)."""
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def _fold_char(char: str) -> str:
    if _INVISIBLE.match(char) or (unicodedata.category(char) == "Cc" and char not in "\n\t"):
        return " "
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char
    return folded.lower() if len(folded.lower()) == 1 else folded


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Length-preserving normalisation (offsets in the result are offsets in `text`)."""
    folded = "".join(_fold_char(char) for char in text)
    if _CJK.search(folded):
        simplified = _t2s().convert(folded)
        if len(simplified) == len(folded):
            folded = simplified
    return folded


def has_cjk(text: str) -> bool:
    """True when the text contains Chinese characters."""
    return _CJK.search(text) is not None


def detect_lang(text: str) -> str:
    """ "zh" if the text contains Chinese characters, else "en"."""
    return "zh" if has_cjk(text) else "en"


def _emoji(match: re.Match[str]) -> str:
    return _EMOJI_WORDS.get(match.group(0), " ")


def normalize(text: str, synonyms: Mapping[str, str] | None = None) -> str:
    """The classifier's view of a message."""
    cleaned = _EMOJI.sub(_emoji, fold(text))
    cleaned = _REPEATED_LETTER.sub(r"\1", cleaned)
    cleaned = _REPEATED_MARK.sub(r"\1", cleaned)
    if synonyms:
        cleaned = apply_synonyms(cleaned, synonyms)
    return _SPACES.sub(" ", cleaned).strip()


def apply_synonyms(text: str, synonyms: Mapping[str, str]) -> str:
    """Replace whole ASCII words and Chinese phrases by their canonical synonym."""

    def word(match: re.Match[str]) -> str:
        return synonyms.get(match.group(0), match.group(0))

    replaced = _ASCII_WORD.sub(word, text)
    if has_cjk(replaced):
        for variant in _longest_first(tuple(synonyms)):
            if variant in replaced:
                replaced = replaced.replace(variant, synonyms[variant])
    return replaced


@lru_cache(maxsize=8)
def _longest_first(variants: tuple[str, ...]) -> tuple[str, ...]:
    """The Chinese variants, longest first: "唔该晒" is replaced whole before "唔" is."""
    return tuple(sorted((v for v in variants if has_cjk(v)), key=len, reverse=True))
