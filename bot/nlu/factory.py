"""Settings and the factory that builds the bot's NLU (trained classifier or Rasa server)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.nlu.artifact import load_or_train
from bot.nlu.base import NLU
from bot.nlu.classifier import ClassifierNLU
from bot.nlu.decision import DEFAULT_THRESHOLD
from bot.nlu.entities import EntityExtractor
from bot.nlu.rasa_http import RasaHttpNLU


class NLUSettings(BaseSettings):
    """`NLU_DATA_DIR`, `NLU_MODEL_DIR`, `NLU_THRESHOLD`, `RASA_NLU_URL`."""

    model_config = SettingsConfigDict(env_prefix="NLU_", extra="ignore")

    data_dir: Path = Path("nlu_data")
    model_dir: Path = Path("var/nlu")
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0.0, le=1.0)
    rasa_url: str | None = Field(
        default=None, validation_alias=AliasChoices("RASA_NLU_URL", "NLU_RASA_URL")
    )


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


def build_nlu_from_settings(settings: NLUSettings | None = None) -> NLU:
    settings = settings or NLUSettings()
    return build_nlu(settings.data_dir, settings.model_dir, settings.threshold, settings.rasa_url)
