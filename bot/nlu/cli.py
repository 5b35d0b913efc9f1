"""`repaybot nlu train|parse|test|bench`; wire in with `add_nlu_commands(subparsers)`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.nlu.data import NLUDataError, load_data
from bot.settings import NluSettings

DEFAULT_TZ = "Asia/Shanghai"
# The model's modules (scikit-learn) are imported by the commands that need them, so that
# `repaybot --help` and every other command start without them.


def add_nlu_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `nlu` and its subcommands on the `repaybot` parser."""
    nlu = subparsers.add_parser("nlu", help="train, try and evaluate the intent classifier")
    commands = nlu.add_subparsers(dest="nlu_command", required=True)

    train = commands.add_parser("train", help="train the model from Rasa-format data")
    _common(train)
    train.set_defaults(func=cmd_train)

    parse = commands.add_parser("parse", help="print the /model/parse JSON for one message")
    parse.add_argument("text")
    parse.add_argument("--now", help="ISO date-time anchoring relative dates (default: now)")
    parse.add_argument("--tz", default=DEFAULT_TZ, help=f"borrower's timezone ({DEFAULT_TZ})")
    _common(parse)
    parse.set_defaults(func=cmd_parse)

    test = commands.add_parser("test", help="evaluate on a Rasa NLU file, or cross-validate")
    test.add_argument("path", nargs="?", type=Path, help="Rasa NLU YAML file with test examples")
    test.add_argument("--cross-validation", type=int, metavar="N", help="N-fold CV on the data")
    _common(test)
    test.set_defaults(func=cmd_test)

    bench_cmd = commands.add_parser("bench", help="parse latency p50/p99")
    bench_cmd.add_argument("-n", type=int, default=3000, help="messages to parse (3000)")
    _common(bench_cmd)
    bench_cmd.set_defaults(func=cmd_bench)


def _common(parser: argparse.ArgumentParser) -> None:
    settings = NluSettings()
    parser.add_argument(
        "--data", type=Path, default=settings.data_dir, help="training data folder (NLU_DATA_DIR)"
    )
    parser.add_argument("--model-dir", type=Path, default=settings.model_dir)
    parser.add_argument("--threshold", type=float, default=settings.threshold)


def _print(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False))


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def cmd_train(args: argparse.Namespace) -> int:
    from bot.nlu.artifact import train_to

    started = time.perf_counter()
    try:
        model, path = train_to(args.data, args.model_dir)
    except NLUDataError as error:
        return _fail(str(error))
    _print(
        {
            "artifact": str(path),
            "intents": len(model.intents),
            "seconds": round(time.perf_counter() - started, 2),
        }
    )
    return 0


def _now(value: str | None, tz_name: str) -> datetime:
    tz = ZoneInfo(tz_name)
    if not value:
        return datetime.now(tz)
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)


def cmd_parse(args: argparse.Namespace) -> int:
    from bot.nlu.artifact import load_or_train
    from bot.nlu.classifier import ClassifierNLU

    try:
        now = _now(args.now, args.tz)
        nlu = ClassifierNLU(load_or_train(args.data, args.model_dir), args.threshold)
    except NLUDataError as error:
        return _fail(str(error))
    except (ValueError, ZoneInfoNotFoundError) as error:
        return _fail(f"bad --now/--tz: {error}")
    _print(nlu.parse_sync(args.text, now).model_dump(mode="json"))
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from bot.nlu.artifact import load_or_train
    from bot.nlu.evaluate import cross_validate, predict, report

    try:
        if args.cross_validation:
            if args.cross_validation < 2:
                return _fail("--cross-validation needs at least 2 folds")
            data = load_data(args.path or args.data)
            _print(cross_validate(data, args.cross_validation, threshold=args.threshold))
            return 0
        if args.path is None:
            return _fail("give a test file or --cross-validation N")
        examples = load_data(args.path).examples
        model = load_or_train(args.data, args.model_dir)
    except NLUDataError as error:
        return _fail(str(error))
    _print(report(predict(model, examples, args.threshold)))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from bot.nlu.artifact import load_or_train
    from bot.nlu.bench import bench, messages
    from bot.nlu.classifier import ClassifierNLU

    try:
        data = load_data(args.data)
        nlu = ClassifierNLU(load_or_train(args.data, args.model_dir), args.threshold)
    except NLUDataError as error:
        return _fail(str(error))
    now = datetime.now(ZoneInfo(DEFAULT_TZ))
    _print(bench(nlu, messages(data.texts, args.n), now))
    return 0
