"""Entity extraction: amounts, instalment counts, dates and times, resolved to plain values."""

from bot.nlu.entities.extract import EntityExtractor

__all__ = ["EntityExtractor"]
