"""From the classifier's ranking to the final intent: confidence threshold, then safety net."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.nlu.base import ESCALATING_INTENTS, FALLBACK_INTENT
from bot.nlu.safety import LEXICON, Signal, find_signals, raise_intent

DEFAULT_THRESHOLD = 0.3
RAISED_CONFIDENCE = 1.0


@dataclass(frozen=True)
class Decision:
    """The intent the bot acts on, how sure it is, and why it escalates (if it does)."""

    intent: str
    confidence: float
    escalate: bool
    signals: tuple[str, ...] = ()
    raised: bool = False


def decide(
    text: str,
    ranking: Sequence[tuple[str, float]],
    threshold: float = DEFAULT_THRESHOLD,
    lexicon: Sequence[Signal] = LEXICON,
) -> Decision:
    """Apply the fallback threshold (Rasa's FallbackClassifier semantics) and the safety net.

    Below `threshold` the intent is `nlu_fallback` with confidence = threshold. Safety-net
    signals may then raise the intent to an escalating one (confidence 1.0: a reviewed rule
    fired), but never lower an escalating intent.
    """
    name, confidence = ranking[0] if ranking else (FALLBACK_INTENT, 0.0)
    if confidence < threshold:
        name, confidence = FALLBACK_INTENT, threshold
    signals = find_signals(text, lexicon)
    raised_name, raised = raise_intent(name, dict(ranking), signals)
    if raised:
        name, confidence = raised_name, RAISED_CONFIDENCE
    return Decision(
        intent=name,
        confidence=confidence,
        escalate=name in ESCALATING_INTENTS,
        signals=tuple(signal.name for signal in signals),
        raised=raised,
    )
