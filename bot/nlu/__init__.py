"""Natural-language understanding: text in, intent and entities out (Rasa `/model/parse` shape)."""

from bot.nlu.base import (
    ESCALATING_INTENTS,
    FALLBACK_INTENT,
    INTENTS,
    NLU,
    Entity,
    IntentScore,
    ParseResult,
)

__all__ = [
    "ESCALATING_INTENTS",
    "FALLBACK_INTENT",
    "INTENTS",
    "NLU",
    "Entity",
    "IntentScore",
    "ParseResult",
]
