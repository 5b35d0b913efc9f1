"""Feature extraction: character n-grams (Chinese needs no tokenizer), word n-grams (English),
and one indicator per `regex:` / `lookup:` table from the training data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion


class PatternFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """One 0/1 column per named pattern table (regexes as given, lookups as literal words)."""

    def __init__(
        self,
        regexes: Mapping[str, Sequence[str]] | None = None,
        lookups: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.regexes = regexes
        self.lookups = lookups

    def fit(self, texts: Iterable[str], y: Any = None) -> PatternFeatures:
        tables: list[re.Pattern[str]] = []
        for patterns in (self.regexes or {}).values():
            tables.append(re.compile("|".join(f"(?:{p})" for p in patterns)))
        for words in (self.lookups or {}).values():
            escaped = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
            tables.append(re.compile("|".join(escaped)))
        self.tables_ = tables
        return self

    def transform(self, texts: Iterable[str]) -> np.ndarray:
        rows = [[1.0 if table.search(text) else 0.0 for table in self.tables_] for text in texts]
        matrix: np.ndarray = np.asarray(rows, dtype=np.float64).reshape(
            len(rows), len(self.tables_)
        )
        return matrix

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        names = [*(self.regexes or {}), *(self.lookups or {})]
        return np.asarray([f"pattern_{name}" for name in names], dtype=object)


def build_features(
    regexes: Mapping[str, Sequence[str]], lookups: Mapping[str, Sequence[str]]
) -> FeatureUnion:
    """The feature union used by the intent classifier (input: normalised text)."""
    return FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(1, 4),
                    sublinear_tf=True,
                    min_df=1,
                    max_features=60000,
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    token_pattern=r"[a-z0-9']+",
                    sublinear_tf=True,
                ),
            ),
            ("patterns", PatternFeatures(dict(regexes), dict(lookups))),
        ]
    )
