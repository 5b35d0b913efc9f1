"""`repaybot nlu bench`: parse latency over a few thousand realistic messages."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from datetime import datetime

from bot.nlu.classifier import ClassifierNLU

_DECORATIONS = ("", "", "!", "?", " 🙏", "。。", " pls", "，谢谢", " 😭", "...")


def messages(texts: Sequence[str], n: int, seed: int = 7) -> list[str]:
    """`n` messages drawn from `texts`, some decorated so the caches do not see only repeats."""
    rng = random.Random(seed)
    return [rng.choice(texts) + rng.choice(_DECORATIONS) for _ in range(n)]


def bench(nlu: ClassifierNLU, texts: Sequence[str], now: datetime) -> dict[str, float]:
    """Per-parse latency percentiles in milliseconds (after a warm-up pass)."""
    nlu.warm_up(now)
    for text in texts[:200]:
        nlu.parse_sync(text, now)
    timings: list[float] = []
    for text in texts:
        start = time.perf_counter()
        nlu.parse_sync(text, now)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "n": len(timings),
        "p50_ms": round(timings[len(timings) // 2], 3),
        "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 3),
        "mean_ms": round(sum(timings) / len(timings), 3),
        "max_ms": round(timings[-1], 3),
    }
