"""A fast single-message path through the fitted features and calibrated linear model.

scikit-learn's `transform`/`predict_proba` cost ~10 ms per call in input validation and sparse
bookkeeping; parsing one message must take well under a millisecond. `LinearScorer` reads the
fitted vocabularies, idf weights, SVM coefficients and sigmoid calibrators once and computes the
same probabilities with a few dictionary look-ups and one small matrix product.

In the running bot a message's parse finds the CPU's caches holding the rest of the turn, and
each numpy call then costs tens of microseconds instead of a few. So a message's hundred or so
n-gram weights are computed by `map`s over their counts, and numpy does the one thing it is
needed for: gathering their coefficient rows and summing them
(`weights @ coefficients[columns]`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from operator import is_not, mul
from typing import cast

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from bot.nlu.features import PatternFeatures

_known = partial(is_not, None)


_LOG_TF = [0.0]  # 1 + log(count), by count


def _log_tf(largest: int) -> list[float]:
    """The sublinear term frequencies of counts up to `largest` (computed once each)."""
    _LOG_TF.extend(math.log(n) + 1.0 for n in range(len(_LOG_TF), largest + 1))
    return _LOG_TF


@dataclass
class _Block:
    """One tf-idf vectorizer; its vocabulary maps each n-gram to its column in the union."""

    analyzer: Callable[[str], list[str]]
    columns: dict[str, int]
    idf: list[float]  # by column of the union
    sublinear: bool

    def add_row(self, text: str, columns: list[int], weights: list[float]) -> None:
        """Append the text's tf-idf columns and their l2-normalised weights."""
        found = filter(_known, map(self.columns.get, self.analyzer(text)))
        counts = cast("Counter[int]", Counter(found))
        if not counts:
            return
        if self.sublinear:
            tf = map(_log_tf(max(counts.values())).__getitem__, counts.values())
        else:
            tf = map(float, counts.values())
        raw = list(map(mul, tf, map(self.idf.__getitem__, counts)))
        norm = math.sqrt(sum(map(mul, raw, raw)))
        columns.extend(counts)
        weights.extend(map(norm.__rtruediv__, raw))


class LinearScorer:
    """Probabilities for one normalised text, equal to the sklearn pipeline's (to 1e-9)."""

    def __init__(self, features: FeatureUnion, classifier: CalibratedClassifierCV) -> None:
        self._blocks: list[_Block] = []
        self._patterns: list[tuple[PatternFeatures, int]] = []
        idf: list[float] = []
        offset = 0
        for _, transformer in features.transformer_list:
            if isinstance(transformer, TfidfVectorizer):
                columns = {
                    str(gram): offset + int(i) for gram, i in transformer.vocabulary_.items()
                }
                idf += map(float, transformer.idf_)
                self._blocks.append(
                    _Block(
                        transformer.build_analyzer(),
                        columns,
                        idf,
                        bool(transformer.sublinear_tf),
                    )
                )
                offset += len(transformer.vocabulary_)
            elif isinstance(transformer, PatternFeatures):
                self._patterns.append((transformer, offset))
                offset += len(transformer.tables_)
                idf += [1.0] * len(transformer.tables_)
            else:
                raise TypeError(f"unsupported transformer {transformer!r}")
        if features.transformer_weights:
            raise TypeError("transformer weights are not supported")
        calibrated = classifier.calibrated_classifiers_
        if len(calibrated) != 1 or calibrated[0].method != "sigmoid":
            raise TypeError("expected one sigmoid-calibrated linear classifier (ensemble=False)")
        estimator = calibrated[0].estimator
        self._coefficients = np.ascontiguousarray(estimator.coef_.T, dtype=np.float64)
        self._intercept = [float(x) for x in estimator.intercept_]
        self._a = [float(c.a_) for c in calibrated[0].calibrators]
        self._b = [float(c.b_) for c in calibrated[0].calibrators]
        self.classes = [str(name) for name in classifier.classes_]
        if list(map(str, estimator.classes_)) != self.classes:
            raise TypeError("class order differs between estimator and calibrator")

    def probabilities(self, text: str) -> list[float]:
        """One probability per class, in `classes` order."""
        columns: list[int] = []
        weights: list[float] = []
        for block in self._blocks:
            block.add_row(text, columns, weights)
        for patterns, offset in self._patterns:
            for i, table in enumerate(patterns.tables_):
                if table.search(text):
                    columns.append(offset + i)
                    weights.append(1.0)
        scores = self._intercept
        if columns:
            products = (np.asarray(weights) @ self._coefficients[columns]).tolist()
            scores = list(map(float.__add__, scores, products))
        proba = [
            1.0 / (1.0 + math.exp(a * s + b))
            for a, s, b in zip(self._a, scores, self._b, strict=True)
        ]
        total = sum(proba)
        if total == 0.0:
            return [1.0 / len(proba)] * len(proba)
        return [p / total for p in proba]
