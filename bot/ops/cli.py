"""`repaybot ops` (the web page) and `repaybot queue ls|show|export` (the same data in a terminal).

Redis comes from REDIS_URL, or the embedded server (`bot.redis_runtime.redis_url`).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from aiohttp import web
from redis.asyncio import Redis
from redis.exceptions import RedisError

from actions.domain.clock import Clock, FixedClock, SystemClock
from actions.domain.handoff_policy import Priority, Reason
from actions.domain.ledger import FileLedger, Ledger, LedgerError
from actions.domain.preferences import PreferenceStore
from actions.domain.stats import DailyStats
from actions.domain.tickets import Ticket, TicketStore
from bot.metrics import Metrics
from bot.ops.app import build_ops_app
from bot.ops.export import write_tickets
from bot.ops.queries import (
    OPEN,
    STATUS_CHOICES,
    TicketDetail,
    TicketFilter,
    agent_label,
    contact_summary,
    duration,
    load,
    ticket_detail,
    ticket_json,
)
from bot.redis_runtime import redis_url
from bot.settings import Settings
from bot.transcript import TranscriptStore

logger = logging.getLogger(__name__)
ALL = "all"


def add_ops_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Registers `ops` and `queue ls|show|export`; each sets `func(namespace) -> exit code`."""
    ops = subparsers.add_parser("ops", help="serve the operations web page and /metrics")
    ops.add_argument("--host", help="address to bind (default: OPS_HOST or 127.0.0.1)")
    ops.add_argument("--port", type=int, help="port (default: OPS_PORT or 8080)")
    ops.add_argument("--token", help="access token (default: OPS_TOKEN; prefer the variable)")
    ops.add_argument(
        "--dev", action="store_true", help="allow no token (loopback only, for development)"
    )
    ops.set_defaults(func=run_ops)

    queue = subparsers.add_parser("queue", help="the escalation queue: list, show, export")
    commands = queue.add_subparsers(dest="queue_command", required=True, metavar="COMMAND")

    ls = commands.add_parser("ls", help="list tickets (open ones unless --status says otherwise)")
    _filters(ls, default_status=OPEN)
    ls.add_argument("--json", action="store_true", help="print a JSON list")
    ls.set_defaults(func=run_ls)

    show = commands.add_parser("show", help="one ticket: timeline, notes, transcript")
    show.add_argument("ticket_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    _hidden_now(show)
    show.set_defaults(func=run_show)

    export = commands.add_parser("export", help="write tickets as CSV (all unless filtered)")
    export.add_argument("--csv", required=True, type=Path, metavar="FILE", help="'-' = stdout")
    _filters(export, default_status=ALL)
    export.set_defaults(func=run_export)


def _filters(parser: argparse.ArgumentParser, default_status: str) -> None:
    parser.add_argument(
        "--status", choices=(ALL, *STATUS_CHOICES), default=default_status, metavar="S",
        help=f"{', '.join((ALL, *STATUS_CHOICES))} (default: {default_status})",
    )  # fmt: skip
    parser.add_argument("--reason", choices=[r.value for r in Reason], metavar="R")
    parser.add_argument("--priority", choices=[p.value for p in Priority], metavar="P")
    parser.add_argument("--agent", help="agent name or id, or 'unassigned'")
    _hidden_now(parser)


def _hidden_now(parser: argparse.ArgumentParser) -> None:
    # "As of" another moment: for tests, and for reproducing what the queue looked like.
    parser.add_argument("--now", type=datetime.fromisoformat, help=argparse.SUPPRESS)


def _filter(args: argparse.Namespace) -> TicketFilter:
    return TicketFilter.from_params(
        {
            "status": "" if args.status == ALL else args.status,
            "reason": args.reason or "",
            "priority": args.priority or "",
            "agent": args.agent or "",
        }
    )


@dataclass(frozen=True)
class Stores:
    tickets: TicketStore
    transcripts: TranscriptStore
    preferences: PreferenceStore
    clock: Clock


@asynccontextmanager
async def _stores(url: str, now: datetime | None) -> AsyncIterator[Stores]:
    clock: Clock = FixedClock(now) if now is not None else SystemClock()
    redis = Redis.from_url(url)
    try:
        yield Stores(
            TicketStore(redis, clock), TranscriptStore(redis), PreferenceStore(redis), clock
        )
    finally:
        await redis.aclose()


def _with_stores(
    args: argparse.Namespace, work: Callable[[Stores], Awaitable[int]], err: TextIO
) -> int:
    settings = Settings()
    try:
        with redis_url(settings.redis) as url:

            async def main() -> int:
                async with _stores(url, args.now) as stores:
                    return await work(stores)

            return asyncio.run(main())
    except (OSError, RedisError) as exc:
        print(f"repaybot queue: cannot reach Redis: {exc}", file=err)
        return 1


def run_ls(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """`queue ls`: an aligned table, or a JSON list with `--json`."""
    stdout = out or sys.stdout

    async def work(stores: Stores) -> int:
        now = stores.clock.now()
        tickets = await load(stores.tickets, _filter(args), now)
        if args.json:
            json.dump([ticket_json(t, now) for t in tickets], stdout, ensure_ascii=False, indent=2)
            stdout.write("\n")
        else:
            stdout.write(format_table(tickets, now))
        return 0

    return _with_stores(args, work, sys.stderr)


def format_table(tickets: list[Ticket], now: datetime) -> str:
    """ID, age, status, priority, reason, agent and an SLA marker, in aligned columns."""
    header = ("ID", "AGE", "STATUS", "PRIORITY", "REASON", "AGENT", "SLA")
    rows = [
        (
            t.ticket_id,
            duration((now - t.created_at).total_seconds()),
            t.status.value,
            t.priority.value,
            t.reason.value,
            agent_label(t) or "-",
            "BREACHED" if t.sla_breached(now) else "ok",
        )
        for t in tickets
    ]
    if not rows:
        return "No tickets.\n"
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in (header, *rows)]  # fmt: skip
    return "\n".join(lines) + "\n"


def run_show(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """`queue show ID`: the ticket, its timeline, notes and transcript (masked)."""
    stdout = out or sys.stdout

    async def work(stores: Stores) -> int:
        detail = await ticket_detail(
            args.ticket_id, stores.tickets, stores.transcripts, preferences=stores.preferences
        )
        if detail is None:
            print(f"repaybot queue show: no ticket {args.ticket_id}", file=sys.stderr)
            return 1
        now = stores.clock.now()
        if args.json:
            json.dump(detail.as_json(now), stdout, ensure_ascii=False, indent=2)
            stdout.write("\n")
        else:
            stdout.write(format_detail(detail, now))
        return 0

    return _with_stores(args, work, sys.stderr)


def format_detail(detail: TicketDetail, now: datetime) -> str:
    t = detail.ticket
    row = ticket_json(t, now)
    lines = [
        f"Ticket {t.ticket_id}  {t.status.value}  {t.priority.value}  {t.reason.value}"
        + ("  SLA BREACHED" if row["sla_breached"] else ""),
    ]
    for label in ("borrower_id", "loan_id", "agent", "created_at", "sla_due_at",
                  "first_reply_at", "resolved_at", "outcome"):  # fmt: skip
        lines.append(f"  {label}: {row[label] or '-'}")
    lines.append(f"  contact: {contact_summary(detail.contact, datetime.isoformat)}")
    if detail.trigger_text:
        lines.append(f"  trigger: {detail.trigger_text}")
    lines.append("Timeline:")
    lines += [f"  {e.at.isoformat()}  {e.kind}  {e.actor}  {e.detail}".rstrip() for e in t.timeline]
    lines.append("Notes:" if detail.notes else "Notes: none")
    lines += [f"  {n['at']}  {n['agent']}: {n['text']}" for n in detail.notes]
    lines.append("Transcript:" if detail.transcript else "Transcript: none")
    arrows = {"in": "borrower >", "out": "bot <"}
    lines += [f"  {e.at.isoformat()}  {arrows[e.direction]} {e.text}" for e in detail.transcript]
    return "\n".join(lines) + "\n"


def run_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """`queue export --csv FILE`: the same columns as the web page's CSV."""

    async def work(stores: Stores) -> int:
        now = stores.clock.now()
        tickets = await load(stores.tickets, _filter(args), now)
        if str(args.csv) == "-":
            write_tickets(tickets, now, out or sys.stdout)
        else:
            with args.csv.open("w", encoding="utf-8", newline="") as file:
                write_tickets(tickets, now, file)
            print(f"{len(tickets)} tickets written to {args.csv}", file=out or sys.stdout)
        return 0

    return _with_stores(args, work, sys.stderr)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_ops(args: argparse.Namespace) -> int:
    """`ops`: refuses to start without a token unless `--dev` (and then only on loopback)."""
    settings = Settings()
    host = args.host or settings.ops.host
    port = args.port or settings.ops.port
    token = args.token or (settings.ops.token.get_secret_value() if settings.ops.token else None)
    if not token:
        if not args.dev:
            print(
                "repaybot ops: no token. Set OPS_TOKEN (or --token), or pass --dev to run "
                "an open page on this machine.",
                file=sys.stderr,
            )
            return 2
        if not _is_loopback(host):
            print("repaybot ops: --dev without a token only binds to loopback.", file=sys.stderr)
            return 2
        print("WARNING: no token: anyone who can reach this port sees the page.", file=sys.stderr)
    with redis_url(settings.redis) as url:
        asyncio.run(serve_ops(settings, url, host, port, token or None))
    return 0


def _ledger(settings: Settings) -> Ledger | None:
    try:
        return FileLedger.load(settings.content.ledger_path)
    except LedgerError as exc:
        logger.warning("ops page without borrower names: %s", exc)
        return None


async def serve_ops(settings: Settings, url: str, host: str, port: int, token: str | None) -> None:
    """Serves the ops page until cancelled (Ctrl-C)."""
    clock = SystemClock()
    tz = ZoneInfo(settings.ops.timezone)
    redis = Redis.from_url(url)
    app = build_ops_app(
        tickets=TicketStore(redis, clock),
        transcripts=TranscriptStore(redis),
        stats=DailyStats(redis, clock, tz),
        metrics=Metrics(),
        clock=clock,
        token=token,
        ledger=_ledger(settings),
        preferences=PreferenceStore(redis),
    )
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        print(f"ops page on http://{host}:{port}/ (metrics at /metrics)", flush=True)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        await redis.aclose()
