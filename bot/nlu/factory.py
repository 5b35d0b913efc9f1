"""The factory that builds the bot's NLU: the trained classifier, or a Rasa server's parser."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.nlu.artifact import load_or_train
from bot.nlu.base import NLU
from bot.nlu.classifier import ClassifierNLU
from bot.nlu.decision import DEFAULT_THRESHOLD
from bot.nlu.entities import EntityExtractor
from bot.nlu.rasa_http import RasaHttpNLU


def build_nlu(
    data_dir: Path,
    model_dir: Path,
    threshold: float = DEFAULT_THRESHOLD,
    rasa_url: str | None = None,
) -> NLU:
    """The trained classifier (trained now if missing or stale), or a Rasa server client
    that falls back to it when the server cannot be reached."""
    local = ClassifierNLU(load_or_train(data_dir, model_dir), threshold)
    local.warm_up(datetime.now(UTC))
    if rasa_url:
        return RasaHttpNLU(
            rasa_url,
            threshold=threshold,
            extractor=EntityExtractor(local.model.synonyms),
            fallback=local,
        )
    return local
