"""The trained classifier behind the NLU protocol: what the bot sees for real messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.artifact import artifact_path, load_or_train
from bot.nlu.base import ESCALATING_INTENTS, FALLBACK_INTENT, NLU
from bot.nlu.classifier import ClassifierNLU
from bot.nlu.data import data_hash
from bot.nlu.factory import build_nlu
from bot.nlu.model import IntentModel
from bot.settings import NluSettings

from .conftest import NOW


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("工资还没发，能不能晚几天还", "hardship_plan"),
        ("this isn't my loan", "dispute"),
        ("我老公上个月去世了", "vulnerable"),
        ("call me after 3pm", "request_callback"),
        ("下周五还三千", "promise_to_pay"),
        ("你是机器人吗", "ask_is_bot"),
        ("退订", "stop_contact"),
        ("我还欠多少钱", "check_balance"),
        ("怎么还款", "repayment_channels"),
        ("转人工", "request_human"),
    ],
)
async def test_issue_examples_get_the_right_intent(
    nlu: ClassifierNLU, text: str, intent: str
) -> None:
    result = await nlu.parse(text, NOW)
    assert result.intent.name == intent
    assert result.escalate == (intent in ESCALATING_INTENTS)


async def test_parse_result_has_the_rasa_shape(nlu: ClassifierNLU) -> None:
    result = await nlu.parse("明天下午三点给我打电话", NOW)
    payload = result.model_dump(mode="json")
    assert set(payload) >= {"text", "intent", "entities", "intent_ranking", "escalate", "lang"}
    assert payload["lang"] == "zh"
    assert payload["intent_ranking"][0] == payload["intent"]
    assert len(payload["intent_ranking"]) <= 10
    assert result.entity("date") == "2026-12-01"
    assert result.entity("time") == "15:00"


async def test_language_follows_the_text(nlu: ClassifierNLU) -> None:
    assert (await nlu.parse("can I pay in 6 installments", NOW)).lang == "en"
    assert (await nlu.parse("可以分6期吗 pls", NOW)).lang == "zh"


async def test_self_harm_escalates_with_an_urgent_signal(nlu: ClassifierNLU) -> None:
    result = await nlu.parse("还不上就只能去死了", NOW)
    assert result.intent.name == "vulnerable"
    assert result.escalate
    assert any(s.startswith("self_harm:") for s in result.signals)


async def test_traditional_and_noisy_text_is_understood(nlu: ClassifierNLU) -> None:
    assert (await nlu.parse("我現在失業了，沒有收入 😭😭", NOW)).intent.name == "hardship_plan"
    assert (await nlu.parse("ＳＴＯＰ messaging me!!!", NOW)).intent.name == "stop_contact"


async def test_cantonese_is_read_through_its_mandarin_synonyms(nlu: ClassifierNLU) -> None:
    expected = {
        "唔該晒你": "thank",
        "唔使喇": "deny",
        "幾多錢呀而家": "check_balance",
        "點樣還錢": "repayment_channels",
        "我冇錢還，可唔可以分期": "hardship_plan",
        "我想搵真人": "request_human",
    }
    assert {text: (await nlu.parse(text, NOW)).intent.name for text in expected} == expected


async def test_below_threshold_is_fallback(model: IntentModel) -> None:
    strict = ClassifierNLU(model, threshold=0.999)
    result = await strict.parse("hmm maybe", NOW)
    assert result.intent.name == FALLBACK_INTENT
    assert result.intent.confidence == pytest.approx(0.999)
    assert result.intent_ranking[0].name == FALLBACK_INTENT


async def test_empty_message_is_fallback(nlu: ClassifierNLU) -> None:
    assert (await nlu.parse("   ", NOW)).intent.name == FALLBACK_INTENT


def test_fast_path_matches_scikit_learn(model: IntentModel, training_data) -> None:  # type: ignore[no-untyped-def]
    texts = [*training_data.texts[::40], "", "🙏🙏", "ＨＥＬＬＯ 你好"]
    for text, bulk in zip(texts, model.rank_many(texts), strict=True):
        fast = dict(model.rank(text))
        for name, probability in bulk:
            assert fast[name] == pytest.approx(probability, abs=1e-9)


def test_artifact_is_keyed_by_data_hash_and_retrained_when_stale(
    tmp_path: Path, small_data_dir: Path
) -> None:
    data = small_data_dir
    models = tmp_path / "models"
    load_or_train(data, models)
    first = artifact_path(models, data_hash(data))
    assert first.exists()
    with (data / "nlu" / "small.yml").open("a", encoding="utf-8") as file:
        file.write("- intent: greet\n  examples: |\n    - top of the morning\n")
    load_or_train(data, models)
    second = artifact_path(models, data_hash(data))
    assert second != first
    assert second.exists()
    assert not first.exists()


def test_corrupt_artifact_is_retrained(tmp_path: Path, small_data_dir: Path) -> None:
    path = artifact_path(tmp_path, data_hash(small_data_dir))
    path.write_bytes(b"not a model")
    assert isinstance(load_or_train(small_data_dir, tmp_path), IntentModel)


def test_factory_and_settings(
    data_dir: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RASA_NLU_URL", "http://127.0.0.1:1")
    monkeypatch.setenv("NLU_THRESHOLD", "0.42")
    settings = NluSettings()
    assert settings.rasa_nlu_url == "http://127.0.0.1:1"
    assert settings.threshold == 0.42
    nlu: NLU = build_nlu(data_dir, model_dir, threshold=0.42)
    assert isinstance(nlu, ClassifierNLU)
    assert nlu.threshold == 0.42
