"""`repaybot nlu ...` through a tiny argparse parser, as the lead wires it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bot.nlu.cli import add_nlu_commands


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="repaybot")
    add_nlu_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_one_rasa_shaped_json(
    data_dir: Path, model_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        [
            "nlu",
            "parse",
            "明天下午三点给我打电话",
            "--now",
            "2026-11-30T10:00",
            "--tz",
            "Asia/Shanghai",
            "--data",
            str(data_dir),
            "--model-dir",
            str(model_dir),
        ],
        capsys,
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["intent"]["name"] == "request_callback"
    assert payload["escalate"] is False
    assert payload["lang"] == "zh"
    assert {"entity": "date", "value": "2026-12-01"}.items() <= payload["entities"][0].items()
    assert isinstance(payload["intent_ranking"], list)


def test_test_command_reports_on_a_rasa_file(
    tmp_path: Path, data_dir: Path, model_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "test.yml"
    file.write_text(
        'version: "3.1"\nnlu:\n'
        "- intent: dispute\n  examples: |\n    - this loan is not mine\n    - 这不是我借的钱\n"
        "- intent: greet\n  examples: |\n    - hello there\n    - 你好呀\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        ["nlu", "test", str(file), "--data", str(data_dir), "--model-dir", str(model_dir)], capsys
    )
    assert code == 0
    report = json.loads(out)
    assert set(report) == {"n", "accuracy", "macro_f1", "intents", "escalation", "errors"}
    assert report["n"] == 4
    assert set(report["intents"]["dispute"]) == {"precision", "recall", "f1", "support"}
    assert report["escalation"]["recall"] == 1.0
    assert report["escalation"]["false_rate"] == 0.0
    for error in report["errors"]:
        assert set(error) == {"text", "expected", "predicted", "confidence"}


def test_bad_data_exits_non_zero_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: nope\n  examples: |\n    - hi\n', encoding="utf-8"
    )
    code, _, err = run(
        ["nlu", "train", "--data", str(tmp_path), "--model-dir", str(tmp_path)], capsys
    )
    assert code == 2
    assert "bad.yml:3: unknown intent 'nope'" in err


def test_train_writes_the_artifact(
    small_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["nlu", "train", "--data", str(small_data_dir), "--model-dir", str(tmp_path)], capsys
    )
    assert code == 0
    payload = json.loads(out)
    assert Path(payload["artifact"]).exists()
    assert payload["intents"] == 3


def test_bench_prints_percentiles(
    data_dir: Path, model_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["nlu", "bench", "-n", "300", "--data", str(data_dir), "--model-dir", str(model_dir)],
        capsys,
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["n"] == 300
    assert 0 < payload["p50_ms"] <= payload["p99_ms"]
