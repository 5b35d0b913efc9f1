"""`repaybot nlu test`: accuracy, macro-F1, per-intent scores and the escalation figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from bot.nlu.base import ESCALATING_INTENTS
from bot.nlu.data import Example, TrainingData
from bot.nlu.decision import DEFAULT_THRESHOLD, Decision, decide
from bot.nlu.model import IntentModel, fit

Report = dict[str, Any]


@dataclass(frozen=True)
class Prediction:
    """One evaluated message."""

    text: str
    expected: str
    decision: Decision


def predict(
    model: IntentModel, examples: Sequence[Example], threshold: float = DEFAULT_THRESHOLD
) -> list[Prediction]:
    """Run the bot's full decision (classifier, threshold, safety net) on each example."""
    rankings = model.rank_many([example.text for example in examples])
    return [
        Prediction(example.text, example.intent, decide(example.text, ranking, threshold))
        for example, ranking in zip(examples, rankings, strict=True)
    ]


def report(predictions: Sequence[Prediction]) -> Report:
    """The JSON report printed by `repaybot nlu test`.

    Macro-F1 averages over the intents present in the expected labels (a predicted
    `nlu_fallback` counts as an error, not as a class of its own). Escalation recall is the
    share of messages expected to escalate that were predicted as any escalating intent;
    false_rate the share of the others that were.
    """
    expected = [p.expected for p in predictions]
    predicted = [p.decision.intent for p in predictions]
    labels = sorted(set(expected))
    precision, recall, f1, support = precision_recall_fscore_support(
        expected, predicted, labels=labels, zero_division=0
    )
    should = [p for p in predictions if p.expected in ESCALATING_INTENTS]
    should_not = [p for p in predictions if p.expected not in ESCALATING_INTENTS]
    return {
        "n": len(predictions),
        "accuracy": _round(accuracy_score(expected, predicted)) if predictions else 0.0,
        "macro_f1": _round(sum(f1) / len(labels)) if labels else 0.0,
        "intents": {
            name: {
                "precision": _round(precision[i]),
                "recall": _round(recall[i]),
                "f1": _round(f1[i]),
                "support": int(support[i]),
            }
            for i, name in enumerate(labels)
        },
        "escalation": {
            "recall": _share(sum(p.decision.escalate for p in should), len(should)),
            "false_rate": _share(sum(p.decision.escalate for p in should_not), len(should_not)),
        },
        "errors": [
            {
                "text": p.text,
                "expected": p.expected,
                "predicted": p.decision.intent,
                "confidence": _round(p.decision.confidence),
            }
            for p in predictions
            if p.decision.intent != p.expected
        ],
    }


def cross_validate(
    data: TrainingData,
    folds: int = 5,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    seed: int = 0,
    perturb: Callable[[str], str] | None = None,
) -> Report:
    """Stratified N-fold cross-validation; `perturb` (e.g. a noise generator) alters the
    held-out messages only, so the model is judged on text it was not trained on."""
    reports = cross_validate_variants(
        data, {"report": perturb}, folds, threshold=threshold, seed=seed
    )
    return reports["report"]


def cross_validate_variants(
    data: TrainingData,
    variants: Mapping[str, Callable[[str], str] | None],
    folds: int = 5,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    seed: int = 0,
) -> dict[str, Report]:
    """`cross_validate` for several versions of the held-out messages (clean, noisy ...)
    with one model per fold: the same folds and models as separate runs, half the training.

    The folds are split before anything is trained: a fold's model (and the augmented
    copies it trains on) never sees that fold's messages in any version."""
    examples = [e for e in data.examples if e.intent != "nlu_fallback"]
    labels = [e.intent for e in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predictions: dict[str, list[Prediction]] = {name: [] for name in variants}
    for train_index, test_index in splitter.split(examples, labels):
        model = fit(
            [examples[i].text for i in train_index],
            [labels[i] for i in train_index],
            synonyms=data.synonyms,
            regexes=data.regexes,
            lookups=data.lookups,
            seed=seed,
        )
        for name, perturb in variants.items():
            held_out = [examples[i] for i in test_index]
            if perturb is not None:
                held_out = [_replace_text(e, perturb(e.text)) for e in held_out]
            predictions[name].extend(predict(model, held_out, threshold))
    return {name: report(found) for name, found in predictions.items()}


def _replace_text(example: Example, text: str) -> Example:
    return Example(text, example.intent, (), example.source, example.line)


def _round(value: float) -> float:
    return round(float(value), 4)


def _share(count: int, total: int) -> float:
    return _round(count / total) if total else 0.0
