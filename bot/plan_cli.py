"""`repaybot plan quote|ls`: quote a hardship plan and list a borrower's agreements.

For agents on the phone. `plan quote` prints the quote as JSON; `plan ls` lists recorded plans,
promises and callbacks (text, or JSON with `--json`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from redis.asyncio import Redis
from redis.exceptions import RedisError

from actions.domain.callbacks import CallbackStore
from actions.domain.clock import Clock, FixedClock, SystemClock
from actions.domain.hardship import Quote, quote_deferral, quote_installments
from actions.domain.ledger import Borrower, FileLedger, LedgerError
from actions.domain.plans import PlanStore
from actions.domain.policy import Policy, PolicyError, load_policy
from actions.domain.promises import PromiseStore
from bot.redis_runtime import redis_url
from bot.settings import ContentSettings, RedisSettings


class CliError(Exception):
    """A problem to report on stderr, exiting with status 1."""


def add_plan_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `plan quote` and `plan ls`; each sets `func(namespace) -> exit code`."""
    plan = subparsers.add_parser("plan", help="hardship plans: quote, list agreements")
    commands = plan.add_subparsers(dest="plan_command", required=True, metavar="COMMAND")

    quote = commands.add_parser("quote", help="quote an instalment plan or deferral as JSON")
    _common(quote)
    choice = quote.add_mutually_exclusive_group()
    choice.add_argument(
        "--installments", type=int, metavar="N", help="monthly instalments (default: the maximum)"
    )
    choice.add_argument("--defer-days", type=int, metavar="N", help="defer the whole amount")
    quote.set_defaults(func=run_quote)

    ls = commands.add_parser("ls", help="list a borrower's plans, promises and callbacks")
    _common(ls)
    ls.add_argument("--json", action="store_true", help="print JSON instead of text")
    ls.set_defaults(func=run_ls)


def _common(parser: argparse.ArgumentParser) -> None:
    content = ContentSettings()
    parser.add_argument("--borrower", required=True, metavar="ID", help="borrower id, e.g. D-1001")
    parser.add_argument(
        "--ledger",
        type=Path,
        default=content.ledger_path,
        help="ledger YAML (default: the bot's LEDGER_PATH)",
    )
    parser.add_argument(
        "--policy",
        type=Path,
        default=content.policy_path,
        help="policy YAML (default: the bot's POLICY_PATH)",
    )
    parser.add_argument(
        "--redis-url",
        default=None,
        help="Redis URL (default: the bot's: $REDIS_URL, else the embedded redis-server)",
    )
    # Quotes "as of" another moment, for tests and reproducing a quote given earlier.
    parser.add_argument("--now", type=datetime.fromisoformat, help=argparse.SUPPRESS)


def run_quote(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """`plan quote`: print `{"eligible", "reason", "schedule", "total", ...}` as JSON."""
    return _run(quote_command, args, out or sys.stdout)


def run_ls(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """`plan ls`: print the borrower's plans, promises and callbacks."""
    return _run(ls_command, args, out or sys.stdout)


def _run(
    command: Callable[[argparse.Namespace, TextIO], Coroutine[Any, Any, None]],
    args: argparse.Namespace,
    out: TextIO,
) -> int:
    try:
        if args.redis_url is None:  # the same Redis the bot uses
            with redis_url(RedisSettings()) as url:
                args.redis_url = url
                asyncio.run(command(args, out))
        else:
            asyncio.run(command(args, out))
    except CliError as exc:
        print(f"repaybot plan: {exc}", file=sys.stderr)
        return 1
    return 0


def _clock(args: argparse.Namespace) -> Clock:
    now: datetime | None = args.now
    if now is None:
        return SystemClock()
    if now.tzinfo is None:
        raise CliError("--now needs a UTC offset, e.g. 2025-03-10T09:00:00+08:00")
    return FixedClock(now)


async def _load(args: argparse.Namespace) -> tuple[Borrower, Policy]:
    try:
        ledger = FileLedger.load(args.ledger)
        policy = load_policy(args.policy)
    except (LedgerError, PolicyError) as exc:
        raise CliError(str(exc)) from exc
    borrower = await ledger.get(args.borrower)
    if borrower is None:
        raise CliError(f"unknown borrower {args.borrower!r} in {args.ledger}")
    return borrower, policy


async def _with_redis(url: str, work: Callable[[Redis], Awaitable[Any]]) -> Any:
    client: Redis = Redis.from_url(url, socket_connect_timeout=3, socket_timeout=5)
    try:
        return await work(client)
    except RedisError as exc:
        raise CliError(f"cannot reach Redis at {url}: {exc}") from exc
    finally:
        await client.aclose()


async def quote_command(args: argparse.Namespace, out: TextIO) -> None:
    borrower, policy = await _load(args)
    clock = _clock(args)

    async def quote(redis: Redis) -> Quote:
        history = await PlanStore(redis, clock).history(borrower.borrower_id)
        now = clock.now()
        if args.defer_days is not None:
            return quote_deferral(
                borrower, days=args.defer_days, policy=policy, history=history, now=now
            )
        count = policy.instalments.max_count if args.installments is None else args.installments
        return quote_installments(borrower, count=count, policy=policy, history=history, now=now)

    result: Quote = await _with_redis(args.redis_url, quote)
    print(result.model_dump_json(indent=2), file=out)


async def ls_command(args: argparse.Namespace, out: TextIO) -> None:
    borrower, policy = await _load(args)
    clock = _clock(args)
    bid = borrower.borrower_id

    async def collect(redis: Redis) -> dict[str, Any]:
        return {
            "borrower_id": bid,
            "plans": await PlanStore(redis, clock).history(bid),
            "promises": await PromiseStore(redis, clock).history(bid),
            "callbacks": await CallbackStore(redis, clock, policy.callbacks).history(bid),
        }

    found = await _with_redis(args.redis_url, collect)
    if args.json:
        data = {
            key: value
            if isinstance(value, str)
            else [item.model_dump(mode="json") for item in value]
            for key, value in found.items()
        }
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return
    print(f"{bid} {borrower.name}", file=out)
    print("Plans:" if found["plans"] else "Plans: none", file=out)
    for plan in found["plans"]:
        approved = f" approved by {plan.approved_by}" if plan.approved_by else ""
        print(
            f"  {plan.plan_id} {plan.kind} {plan.status} {plan.currency} {plan.total}"
            f" created {plan.created_at.isoformat()}{approved}",
            file=out,
        )
        for item in plan.schedule:
            print(f"    {item.due.isoformat()} {item.amount}", file=out)
    print("Promises:" if found["promises"] else "Promises: none", file=out)
    for promise in found["promises"]:
        at = promise.due_date.isoformat()
        if promise.due_time is not None:
            at += " " + promise.due_time.strftime("%H:%M")
        replaces = f" (replaces {promise.replaces})" if promise.replaces else ""
        print(
            f"  {promise.promise_id} {promise.kind} {promise.status} {promise.currency}"
            f" {promise.amount} by {at} {promise.timezone}{replaces}",
            file=out,
        )
    print("Callbacks:" if found["callbacks"] else "Callbacks: none", file=out)
    for callback in found["callbacks"]:
        print(
            f"  {callback.callback_id} {callback.status} {callback.start:%Y-%m-%d %H:%M}"
            f"-{callback.end:%H:%M} {callback.timezone}",
            file=out,
        )
