"""The trained intent classifier: features → calibrated linear model → ranked intents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from bot.nlu.augment import augment
from bot.nlu.data import TrainingData
from bot.nlu.features import build_features
from bot.nlu.greeting import after_greeting
from bot.nlu.normalize import normalize
from bot.nlu.scorer import LinearScorer

MODEL_VERSION = "2"
GREET = "greet"
AUGMENT_COPIES = 4
# A message the classifier reads as a greeting may be a greeting in front of a request
# ("你好，我想还款"). The request read on its own is taken when it is one the bot serves by
# itself, the classifier is sure of it and the whole message already leaned towards it:
# "hello, I just joined" stays a greeting. (What a person must see is raised by the safety
# net from the whole message, greeting or not.)
REQUESTS_AFTER_GREETING = frozenset(
    {"check_balance", "repayment_channels", "hardship_plan", "promise_to_pay", "request_callback"}
)
REQUEST_CONFIDENCE = 0.5
REQUEST_LEANING = 0.1


@dataclass
class IntentModel:
    """A fitted classifier plus what it needs to normalise text the way it was trained."""

    features: FeatureUnion
    classifier: CalibratedClassifierCV
    synonyms: dict[str, str] = field(default_factory=dict)
    version: str = MODEL_VERSION

    @property
    def intents(self) -> list[str]:
        return [str(name) for name in self.classifier.classes_]

    @cached_property
    def scorer(self) -> LinearScorer:
        return LinearScorer(self.features, self.classifier)

    def rank(self, text: str) -> list[tuple[str, float]]:
        """All intents with their probabilities, best first (fast single-message path).

        A request behind a greeting may be ranked on its own (`_read_alone` says when)."""
        ranking = self._rank_one(text)
        request = after_greeting(text) if ranking[0][0] == GREET else None
        if request is not None:
            alone = self._rank_one(request)
            if _read_alone(ranking, alone):
                return alone
        return ranking

    def _rank_one(self, text: str) -> list[tuple[str, float]]:
        scorer = self.scorer
        row = scorer.probabilities(normalize(text, self.synonyms))
        return sorted(zip(scorer.classes, row, strict=True), key=itemgetter(1), reverse=True)

    def rank_many(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """`rank` for many texts at once, through scikit-learn (faster in bulk)."""
        ranked = self._rank_bulk(texts)
        requests = {
            i: request
            for i, text in enumerate(texts)
            if ranked[i][0][0] == GREET and (request := after_greeting(text))
        }
        for i, alone in zip(requests, self._rank_bulk(list(requests.values())), strict=True):
            if _read_alone(ranked[i], alone):
                ranked[i] = alone
        return ranked

    def _rank_bulk(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        if not texts:
            return []
        cleaned = [normalize(text, self.synonyms) for text in texts]
        probabilities = self.classifier.predict_proba(self.features.transform(cleaned))
        names = self.intents
        ranked: list[list[tuple[str, float]]] = []
        for row in np.asarray(probabilities):
            order = np.argsort(-row)
            ranked.append([(names[i], float(row[i])) for i in order])
        return ranked


def _read_alone(whole: Sequence[tuple[str, float]], alone: Sequence[tuple[str, float]]) -> bool:
    """Whether the request's own reading replaces the whole message's greeting."""
    name, confidence = alone[0]
    leaning = dict(whole).get(name, 0.0)
    return (
        name in REQUESTS_AFTER_GREETING
        and confidence >= REQUEST_CONFIDENCE
        and leaning >= REQUEST_LEANING
    )


def train(data: TrainingData, *, seed: int = 0) -> IntentModel:
    """Fit the classifier on every intent example (fallback examples are not a class)."""
    examples = [e for e in data.examples if e.intent != "nlu_fallback"]
    return fit(
        [e.text for e in examples],
        [e.intent for e in examples],
        synonyms=data.synonyms,
        regexes=data.regexes,
        lookups=data.lookups,
        seed=seed,
    )


def fit(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    synonyms: Mapping[str, str],
    regexes: Mapping[str, Sequence[str]],
    lookups: Mapping[str, Sequence[str]],
    seed: int = 0,
) -> IntentModel:
    """Fit features and a sigmoid-calibrated linear SVM on raw texts (plus noisy copies)."""
    texts, labels = augment(texts, labels, AUGMENT_COPIES, seed)
    cleaned = [normalize(text, synonyms) for text in texts]
    features = build_features(regexes, lookups)
    matrix = features.fit_transform(cleaned)
    classifier = CalibratedClassifierCV(
        LinearSVC(C=0.5, class_weight="balanced", random_state=seed),
        method="sigmoid",
        cv=3,
        ensemble=False,
    )
    classifier.fit(matrix, list(labels))
    return IntentModel(features, classifier, dict(synonyms))
