"""`ClassifierNLU`: the trained classifier, entity rules and safety net behind the NLU protocol."""

from __future__ import annotations

from datetime import datetime

from bot.nlu.base import FALLBACK_INTENT, IntentScore, ParseResult
from bot.nlu.decision import DEFAULT_THRESHOLD, decide
from bot.nlu.entities import EntityExtractor
from bot.nlu.model import IntentModel
from bot.nlu.normalize import detect_lang

RANKING_SIZE = 10


class ClassifierNLU:
    """Parses in-process in well under a millisecond; `parse` never awaits anything."""

    def __init__(
        self,
        model: IntentModel,
        threshold: float = DEFAULT_THRESHOLD,
        extractor: EntityExtractor | None = None,
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.extractor = extractor or EntityExtractor(model.synonyms)

    def warm_up(self, now: datetime) -> None:
        """Load lazy resources (OpenCC tables, dateparser's data) before the first borrower."""
        for text in ("我下周五还三千", "I'll pay on December 5 at 3pm", "分6期可以吗"):
            self.parse_sync(text, now)

    async def parse(self, text: str, now: datetime) -> ParseResult:
        return self.parse_sync(text, now)

    def parse_sync(self, text: str, now: datetime) -> ParseResult:
        """Intent (after threshold and safety net), resolved entities, language, signals."""
        lang = "zh" if detect_lang(text) == "zh" else "en"
        if not text.strip():
            fallback = IntentScore(name=FALLBACK_INTENT, confidence=0.0)
            return ParseResult(text=text, intent=fallback, intent_ranking=[fallback], lang=lang)
        ranking = self.model.rank(text)
        decision = decide(text, ranking, self.threshold)
        chosen = (decision.intent, decision.confidence)
        if decision.intent != ranking[0][0]:
            ranking = [chosen, *(score for score in ranking if score[0] != decision.intent)]
        # Validated from plain data in one call: a dozen models built one by one cost more.
        return ParseResult.model_validate(
            {
                "text": text,
                "intent": _score(chosen),
                "entities": self.extractor.extract(text, now),
                "intent_ranking": [_score(score) for score in ranking[:RANKING_SIZE]],
                "escalate": decision.escalate,
                "lang": lang,
                "signals": list(decision.signals),
            }
        )


def _score(score: tuple[str, float]) -> dict[str, str | float]:
    name, confidence = score
    return {"name": name, "confidence": confidence}
