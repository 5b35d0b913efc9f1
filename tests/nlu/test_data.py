"""The Rasa-format data: coverage per intent and language, and errors that name file and line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.nlu.base import INTENTS
from bot.nlu.data import NLUDataError, data_hash, load_data, load_file
from bot.nlu.normalize import detect_lang, normalize


def test_every_intent_has_40_chinese_and_40_english_examples(training_data) -> None:  # type: ignore[no-untyped-def]
    counts = Counter((e.intent, detect_lang(e.text)) for e in training_data.examples)
    for intent in INTENTS:
        assert counts[(intent, "zh")] >= 40, intent
        assert counts[(intent, "en")] >= 40, intent


def test_entity_annotations_are_stripped_and_located(training_data) -> None:  # type: ignore[no-untyped-def]
    annotated = [e for e in training_data.examples if e.entities]
    assert len(annotated) > 100
    for example in annotated:
        assert "](" not in example.text
        for entity in example.entities:
            assert example.text[entity.start : entity.end] == entity.text


def test_synonyms_regexes_and_lookups_are_loaded(training_data) -> None:  # type: ignore[no-untyped-def]
    assert training_data.synonyms["tmrw"] == "tomorrow"
    assert "money" in training_data.regexes
    assert "payment_channel" in training_data.lookups


def test_synonyms_apply_to_the_folded_text_longest_first(training_data) -> None:  # type: ignore[no-untyped-def]
    synonyms = training_data.synonyms
    assert synonyms["听日"] == "明天" and "聽日" not in synonyms  # keys folded to simplified
    assert normalize("唔該晒，唔係我借嘅", synonyms) == "谢谢,不是我借的"
    assert normalize("唔該打返俾我", synonyms) == "麻烦打返给我"  # not 不该 ("shouldn't")
    assert normalize("系统出错", synonyms) == "系统出错"  # 係 alone is not mapped


def test_data_dir_resolves_to_its_nlu_folder_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "nlu").mkdir()
    (tmp_path / "responses").mkdir()
    (tmp_path / "responses" / "en.ftl").write_text("hello = Hello\n")
    (tmp_path / "nlu" / "domain.yml").write_text('version: "3.1"\nintents: [greet]\n')
    _write(tmp_path / "nlu" / "greet.yml", "- intent: greet\n  examples: |\n    - hi\n    - 你好\n")
    data = load_data(tmp_path)
    assert [e.text for e in data.examples] == ["hi", "你好"]


def test_hash_changes_when_the_data_changes(tmp_path: Path) -> None:
    file = tmp_path / "nlu.yml"
    _write(file, "- intent: greet\n  examples: |\n    - hi\n")
    before = data_hash(tmp_path)
    _write(file, "- intent: greet\n  examples: |\n    - hello\n")
    assert data_hash(tmp_path) != before


BAD_FILES = [
    ("- intent: greet\n  examples: |\n    - hi\n    hello\n", 6, "expected `- example`"),
    ("- intent: greeting\n  examples: |\n    - hi\n", 3, "unknown intent 'greeting'"),
    ("- intent: greet\n  examples: |\n    - hi\n    - pay [500](amout)\n", 6, "unknown entity"),
    ("- intent: greet\n  examples: |\n    - pay [500(amount)\n", 5, "malformed entity"),
    ("- intent: greet\n", 3, "has no `examples:`"),
    ("- regex: money\n  examples: |\n    - [0-9\n", 5, "bad regex"),
    ("- intent: greet\n  examples: |\n    - hi\n  - bad: [\n", 6, "invalid YAML"),
]


@pytest.mark.parametrize(("body", "line", "message"), BAD_FILES)
def test_malformed_data_is_reported_with_file_and_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    file = tmp_path / "bad.yml"
    _write(file, body)
    with pytest.raises(NLUDataError) as caught:
        load_file(file)
    assert caught.value.path == str(file)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{file}:{line}:")


def test_version_must_be_a_quoted_3x_string(tmp_path: Path) -> None:
    file = tmp_path / "nlu.yml"
    file.write_text("version: 3.1\nnlu:\n- intent: greet\n  examples: |\n    - hi\n")
    with pytest.raises(NLUDataError, match=r"nlu.yml:1: version must be a quoted string"):
        load_file(file)


def test_same_text_under_two_intents_names_both_places(tmp_path: Path) -> None:
    _write(tmp_path / "a.yml", "- intent: greet\n  examples: |\n    - hello\n")
    _write(tmp_path / "b.yml", "- intent: goodbye\n  examples: |\n    - HELLO\n")
    with pytest.raises(NLUDataError, match=r"b.yml:5: .*'greet' at .*a.yml:5"):
        load_data(tmp_path)


def _write(path: Path, blocks: str) -> None:
    path.write_text('version: "3.1"\nnlu:\n' + blocks, encoding="utf-8")
