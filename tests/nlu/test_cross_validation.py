"""The quality bars: 5-fold cross-validation on nlu_data, clean and with seeded noise."""

from __future__ import annotations

import pytest

from bot.nlu.data import Example, TrainingData
from bot.nlu.evaluate import Report, cross_validate, cross_validate_variants

from .noise import Noise

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reports(training_data: TrainingData) -> dict[str, Report]:
    """One model per fold, judged on its held-out messages as written and with noise."""
    return cross_validate_variants(training_data, {"clean": None, "noisy": Noise(seed=2024)}, 5)


@pytest.fixture(scope="module")
def clean(reports: dict[str, Report]) -> Report:
    return reports["clean"]


@pytest.fixture(scope="module")
def noisy(reports: dict[str, Report]) -> Report:
    return reports["noisy"]


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


def test_shared_folds_give_the_same_report_as_a_separate_run() -> None:
    data = TrainingData()
    for intent, texts in {
        "greet": ["hi", "hello", "hey there", "你好", "您好", "good morning"],
        "goodbye": ["bye", "see you", "goodbye", "再见", "拜拜", "good night"],
    }.items():
        data.examples.extend(Example(text, intent) for text in texts)
    shared = cross_validate_variants(data, {"clean": None, "noisy": Noise(seed=3)}, 3)
    assert shared["clean"] == cross_validate(data, 3)
    assert shared["noisy"] == cross_validate(data, 3, perturb=Noise(seed=3))
