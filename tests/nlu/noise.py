"""A seeded generator of the noise real messages carry: typos, dropped characters, emojis."""

from __future__ import annotations

import random

EMOJIS = ("🙏", "😭", "😅", "👍", "😡", "💰", "😊", "🤔", "!!", "??", "...")
NEIGHBOURS = {
    "a": "qsz",
    "e": "wrd",
    "i": "uok",
    "o": "ipl",
    "u": "yij",
    "n": "bm",
    "m": "n",
    "t": "ry",
    "s": "ad",
    "r": "et",
    "l": "k",
    "y": "tu",
}


class Noise:
    """One random edit per message (a keyboard typo, a dropped character, or an emoji or
    punctuation added), as the issue describes; the same seed gives the same copy."""

    def __init__(self, seed: int = 1234) -> None:
        self.rng = random.Random(seed)

    def __call__(self, text: str) -> str:
        return self.rng.choice((self.typo, self.drop, self.emoji))(text)

    def _position(self, text: str) -> int | None:
        candidates = [i for i, ch in enumerate(text) if not ch.isspace()]
        return self.rng.choice(candidates) if len(candidates) > 1 else None

    def typo(self, text: str) -> str:
        letters = [i for i, ch in enumerate(text) if ch.lower() in NEIGHBOURS]
        if not letters:
            return self.drop(text)
        i = self.rng.choice(letters)
        return text[:i] + self.rng.choice(NEIGHBOURS[text[i].lower()]) + text[i + 1 :]

    def drop(self, text: str) -> str:
        i = self._position(text)
        return text if i is None or len(text) < 4 else text[:i] + text[i + 1 :]

    def emoji(self, text: str) -> str:
        mark = self.rng.choice(EMOJIS)
        return f"{text} {mark}" if self.rng.random() < 0.7 else f"{mark} {text}"
