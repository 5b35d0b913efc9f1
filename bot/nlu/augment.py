"""Training-time augmentation: noisy copies of each example (typos, dropped or doubled
characters, swapped neighbours, stray emoji and punctuation), so the classifier is robust to
how borrowers actually type. Only training examples are augmented, never evaluation ones."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

_KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"
_ROWS = [row for row in _KEYBOARD.split(" ")]
_EXTRAS = ("🙏", "😭", "😅", "😡", "👍", "🤔", "!", "?", "。", "...", "～")


def _neighbours(letter: str) -> str:
    for row in _ROWS:
        index = row.find(letter)
        if index >= 0:
            return row[max(0, index - 1) : index] + row[index + 1 : index + 2]
    return ""


class Augmenter:
    """Deterministic for a given seed."""

    def __init__(self, seed: int = 0) -> None:
        self._rng = random.Random(seed)
        self._edits: tuple[Callable[[str], str], ...] = (
            self._typo,
            self._drop,
            self._double,
            self._swap,
            self._decorate,
            self._strip_punctuation,
        )

    def variants(self, text: str, count: int) -> list[str]:
        """`count` noisy copies of `text` (one or two edits each; duplicates removed)."""
        out: list[str] = []
        for _ in range(count):
            noisy = text
            for _ in range(self._rng.choice((1, 1, 2))):
                noisy = self._rng.choice(self._edits)(noisy)
            if noisy != text and noisy.strip() and noisy not in out:
                out.append(noisy)
        return out

    def _index(self, text: str) -> int | None:
        spots = [i for i, ch in enumerate(text) if not ch.isspace()]
        return self._rng.choice(spots) if len(spots) > 3 else None

    def _typo(self, text: str) -> str:
        spots = [i for i, ch in enumerate(text) if _neighbours(ch.lower())]
        if not spots:
            return self._drop(text)
        i = self._rng.choice(spots)
        return text[:i] + self._rng.choice(_neighbours(text[i].lower())) + text[i + 1 :]

    def _drop(self, text: str) -> str:
        i = self._index(text)
        return text if i is None else text[:i] + text[i + 1 :]

    def _double(self, text: str) -> str:
        i = self._index(text)
        return text if i is None else text[: i + 1] + text[i:]

    def _swap(self, text: str) -> str:
        i = self._index(text)
        if i is None or i + 1 >= len(text):
            return text
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]

    def _decorate(self, text: str) -> str:
        extra = self._rng.choice(_EXTRAS)
        return f"{text}{extra}" if self._rng.random() < 0.7 else f"{extra} {text}"

    def _strip_punctuation(self, text: str) -> str:
        stripped = "".join(ch for ch in text if ch.isalnum() or ch.isspace())
        return stripped if stripped.strip() else text


def augment(
    texts: Sequence[str], labels: Sequence[str], copies: int, seed: int = 0
) -> tuple[list[str], list[str]]:
    """The originals followed by up to `copies` noisy variants of each."""
    augmenter = Augmenter(seed)
    out_texts, out_labels = list(texts), list(labels)
    for text, label in zip(texts, labels, strict=True):
        for variant in augmenter.variants(text, copies):
            out_texts.append(variant)
            out_labels.append(label)
    return out_texts, out_labels
