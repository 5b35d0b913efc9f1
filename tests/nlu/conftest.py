"""NLU fixtures: the real training data, trained once per session into a temporary folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.nlu.artifact import load_or_train
from bot.nlu.classifier import ClassifierNLU
from bot.nlu.data import TrainingData, load_data
from bot.nlu.model import IntentModel

DATA_DIR = Path(__file__).resolve().parents[2] / "nlu_data"
SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 30 November 2026, 10:00 in Shanghai.
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture(scope="session")
def training_data() -> TrainingData:
    return load_data(DATA_DIR)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nlu-model")


@pytest.fixture(scope="session")
def model(model_dir: Path) -> IntentModel:
    return load_or_train(DATA_DIR, model_dir)


@pytest.fixture(scope="session")
def nlu(model: IntentModel) -> ClassifierNLU:
    return ClassifierNLU(model)


@pytest.fixture
def now() -> datetime:
    return NOW


SMALL_DATA = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - hello
    - hi there
    - 你好
    - 您好呀
    - good morning
    - 早上好
- intent: check_balance
  examples: |
    - what do I owe
    - how much is my balance
    - 我还欠多少钱
    - 账单多少
    - show my balance
    - 查一下欠款
- intent: request_human
  examples: |
    - I want a real person
    - talk to an agent
    - 转人工
    - 我要人工客服
    - let me speak to a human
    - 找个真人
"""


@pytest.fixture
def small_data_dir(tmp_path: Path) -> Path:
    """A tiny Rasa-format data set: for tests of training mechanics, not of accuracy."""
    folder = tmp_path / "small-data"
    (folder / "nlu").mkdir(parents=True)
    (folder / "nlu" / "small.yml").write_text(SMALL_DATA, encoding="utf-8")
    return folder
