"""The NLU contract every implementation (keywords, trained classifier, Rasa server) fulfils."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "check_balance",
    "repayment_channels",
    "hardship_plan",
    "promise_to_pay",
    "request_callback",
    "request_human",
    "dispute",
    "vulnerable",
    "complaint_legal",
    "stop_contact",
    "ask_is_bot",
    "out_of_scope",
)
FALLBACK_INTENT = "nlu_fallback"
ESCALATING_INTENTS: frozenset[str] = frozenset(
    {"request_human", "dispute", "vulnerable", "complaint_legal"}
)

Lang = Literal["zh", "en"]


class IntentScore(BaseModel):
    name: str
    confidence: float


class Entity(BaseModel):
    """One extracted entity; `value` is resolved (Decimal string, int, ISO date or time)."""

    entity: str
    value: Any
    start: int
    end: int
    extractor: str = "repaybot"


class ParseResult(BaseModel):
    """Mirrors Rasa's `/model/parse`, plus `escalate`, `lang` and the safety-net signals."""

    text: str
    intent: IntentScore
    entities: list[Entity] = Field(default_factory=list)
    intent_ranking: list[IntentScore] = Field(default_factory=list)
    escalate: bool = False
    lang: Lang = "en"
    signals: list[str] = Field(default_factory=list)

    def entity(self, name: str) -> Any:
        """The value of the first entity called `name`, or None."""
        for found in self.entities:
            if found.entity == name:
                return found.value
        return None


class NLU(Protocol):
    """Parses one borrower message; `now` (timezone-aware) anchors relative dates."""

    async def parse(self, text: str, now: datetime) -> ParseResult: ...
