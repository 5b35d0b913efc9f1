"""Repayment channels: the lender's configuration (YAML validated by pydantic), not code."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from actions.domain.config_file import load_model

REQUIRED_LANGUAGES = ("zh", "en")


class ChannelsError(ValueError):
    """The channels file is missing or invalid."""


class Localised(BaseModel):
    """One text in every language the bot speaks."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class LocalisedList(BaseModel):
    zh: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return self.zh if lang == "zh" else self.en


class Channel(BaseModel):
    key: str = Field(pattern=r"^[a-z_]+$")
    name: Localised
    steps: LocalisedList
    cutoff_time: time = Field(description="Payments after this local time post the next day")
    posting: Localised = Field(description="How long a payment takes to show")
    hours: Localised | None = Field(default=None, description="Opening hours (counters)")


class Payee(BaseModel):
    account_name: Localised
    bank: Localised
    account_number: str


class ChannelsConfig(BaseModel):
    payee: Payee
    channels: list[Channel] = Field(min_length=1)

    @field_validator("channels")
    @classmethod
    def _unique_keys(cls, channels: list[Channel]) -> list[Channel]:
        keys = [c.key for c in channels]
        if len(keys) != len(set(keys)):
            raise ValueError("channel keys must be unique")
        return channels

    def get(self, key: str) -> Channel | None:
        return next((c for c in self.channels if c.key == key), None)

    @classmethod
    def load(cls, path: Path) -> ChannelsConfig:
        return load_model(path, cls, ChannelsError)
