"""A fast single-message path through the fitted features and calibrated linear model.

scikit-learn's `transform`/`predict_proba` cost ~10 ms per call in input validation and sparse
bookkeeping; parsing one message must take well under a millisecond. `LinearScorer` reads the
fitted vocabularies, idf weights, SVM coefficients and sigmoid calibrators once and computes the
same probabilities with a few dictionary look-ups and one small matrix product. Each message's
n-grams are looked up and counted in C (`map`, `filter`, `Counter`); its weights are numpy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from operator import is_not

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from bot.nlu.features import PatternFeatures

_known = partial(is_not, None)


@dataclass
class _Block:
    analyzer: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int
    sublinear: bool

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The text's tf-idf columns (offset into the union) and their l2-normalised weights."""
        counts = Counter(filter(_known, map(self.vocabulary.get, self.analyzer(text))))
        if not counts:
            return None
        columns = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear:
            tf = np.log(tf) + 1.0
        weights = tf * self.idf[columns]
        weights /= math.sqrt(float(weights @ weights))
        return columns + self.offset, weights


class LinearScorer:
    """Probabilities for one normalised text, equal to the sklearn pipeline's (to 1e-9)."""

    def __init__(self, features: FeatureUnion, classifier: CalibratedClassifierCV) -> None:
        self._blocks: list[_Block] = []
        self._patterns: list[tuple[PatternFeatures, int]] = []
        offset = 0
        for _, transformer in features.transformer_list:
            if isinstance(transformer, TfidfVectorizer):
                self._blocks.append(
                    _Block(
                        transformer.build_analyzer(),
                        transformer.vocabulary_,
                        np.asarray(transformer.idf_, dtype=np.float64),
                        offset,
                        bool(transformer.sublinear_tf),
                    )
                )
                offset += len(transformer.vocabulary_)
            elif isinstance(transformer, PatternFeatures):
                self._patterns.append((transformer, offset))
                offset += len(transformer.tables_)
            else:
                raise TypeError(f"unsupported transformer {transformer!r}")
        if features.transformer_weights:
            raise TypeError("transformer weights are not supported")
        calibrated = classifier.calibrated_classifiers_
        if len(calibrated) != 1 or calibrated[0].method != "sigmoid":
            raise TypeError("expected one sigmoid-calibrated linear classifier (ensemble=False)")
        estimator = calibrated[0].estimator
        self._weights = np.ascontiguousarray(estimator.coef_.T, dtype=np.float64)
        self._intercept = np.asarray(estimator.intercept_, dtype=np.float64)
        self._a = np.asarray([c.a_ for c in calibrated[0].calibrators], dtype=np.float64)
        self._b = np.asarray([c.b_ for c in calibrated[0].calibrators], dtype=np.float64)
        self.classes = [str(name) for name in classifier.classes_]
        if list(map(str, estimator.classes_)) != self.classes:
            raise TypeError("class order differs between estimator and calibrator")

    def probabilities(self, text: str) -> np.ndarray:
        columns: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for block in self._blocks:
            row = block.row(text)
            if row is not None:
                columns.append(row[0])
                weights.append(row[1])
        matched = [
            offset + i
            for patterns, offset in self._patterns
            for i, table in enumerate(patterns.tables_)
            if table.search(text)
        ]
        if matched:
            columns.append(np.asarray(matched, dtype=np.intp))
            weights.append(np.ones(len(matched)))
        scores = self._intercept.copy()
        if columns:
            scores += np.concatenate(weights) @ self._weights[np.concatenate(columns)]
        proba = 1.0 / (1.0 + np.exp(self._a * scores + self._b))
        total = float(proba.sum())
        if total == 0.0:
            return np.full_like(proba, 1.0 / len(proba))
        result: np.ndarray = proba / total
        return result
