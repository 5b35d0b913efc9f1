"""The quality bars: 5-fold cross-validation on nlu_data, clean and with seeded noise."""

from __future__ import annotations

import pytest

from bot.nlu.data import TrainingData
from bot.nlu.evaluate import Report, cross_validate

from .noise import Noise

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clean(training_data: TrainingData) -> Report:
    return cross_validate(training_data, 5)


@pytest.fixture(scope="module")
def noisy(training_data: TrainingData) -> Report:
    return cross_validate(training_data, 5, perturb=Noise(seed=2024))


def test_clean_macro_f1(clean: Report) -> None:
    assert clean["macro_f1"] >= 0.92


def test_clean_escalation_recall_and_false_rate(clean: Report) -> None:
    assert clean["escalation"]["recall"] >= 0.99
    assert clean["escalation"]["false_rate"] <= 0.03


def test_noisy_macro_f1(noisy: Report) -> None:
    assert noisy["macro_f1"] >= 0.88


def test_noisy_escalation_recall_and_false_rate(noisy: Report) -> None:
    assert noisy["escalation"]["recall"] >= 0.99
    assert noisy["escalation"]["false_rate"] <= 0.03


def test_noise_is_seeded_and_changes_messages() -> None:
    first, second = Noise(seed=7), Noise(seed=7)
    texts = ["I lost my job and can't pay", "工资还没发，能不能晚几天还"] * 5
    noisy = [first(t) for t in texts]
    assert noisy == [second(t) for t in texts]
    assert sum(a != b for a, b in zip(noisy, texts, strict=True)) >= 8
