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
from bot.nlu.normalize import normalize
from bot.nlu.scorer import LinearScorer

MODEL_VERSION = "2"
AUGMENT_COPIES = 4


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
        """All intents with their probabilities, best first (fast single-message path)."""
        scorer = self.scorer
        row = scorer.probabilities(normalize(text, self.synonyms))
        return sorted(zip(scorer.classes, row, strict=True), key=itemgetter(1), reverse=True)

    def rank_many(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """`rank` for many texts at once, through scikit-learn (faster in bulk)."""
        cleaned = [normalize(text, self.synonyms) for text in texts]
        probabilities = self.classifier.predict_proba(self.features.transform(cleaned))
        names = self.intents
        ranked: list[list[tuple[str, float]]] = []
        for row in np.asarray(probabilities):
            order = np.argsort(-row)
            ranked.append([(names[i], float(row[i])) for i in order])
        return ranked


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
