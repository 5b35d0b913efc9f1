"""`repaybot queue ls|show|export` and `repaybot ops`, as ops staff use them in a terminal."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import os
import socket
import sys
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from redis.asyncio import Redis

from actions.domain.preferences import PreferenceStore
from bot.ops.cli import add_ops_commands
from tests.ops.conftest import AGENT, NOW, Queue


@pytest.fixture(autouse=True)
def _redis_env(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.delenv("OPS_TOKEN", raising=False)


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="repaybot")
    add_ops_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


async def run(*argv: str) -> tuple[int, str]:
    """Runs the command (it calls asyncio.run) off the test's event loop."""
    args = parse(*argv)
    out = io.StringIO()
    code = await asyncio.to_thread(args.func, args, out)
    return code, out.getvalue()


async def test_queue_ls_json_lists_open_tickets_in_queue_order(queue: Queue) -> None:
    code, out = await run("queue", "ls", "--json", "--now", NOW.isoformat())
    assert code == 0
    listed = json.loads(out)
    assert [t["ticket_id"] for t in listed] == ["T-BRCH1", "T-FRSH4", "T-ASGN2"]
    breached = listed[0]
    assert breached["sla_breached"] is True
    assert breached["age_minutes"] == 90
    assert breached["waiting_minutes"] == 90
    assert breached["borrower_id"] == "D-1001"
    assert breached["agent"] is None
    assert listed[2]["agent"] == AGENT


async def test_queue_ls_filters_by_status_and_reason(queue: Queue) -> None:
    code, out = await run(
        "queue", "ls", "--status", "all", "--reason", "vulnerable", "--json",
        "--now", NOW.isoformat(),
    )  # fmt: skip
    assert code == 0
    assert [t["ticket_id"] for t in json.loads(out)] == ["T-DONE3"]


async def test_queue_ls_prints_an_aligned_table_with_the_breach_marked(queue: Queue) -> None:
    code, out = await run("queue", "ls", "--now", NOW.isoformat())
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "AGE", "STATUS", "PRIORITY", "REASON", "AGENT", "SLA"]
    assert lines[1].split() == ["T-BRCH1", "1", "h", "30", "min", "queued", "high", "dispute",
                                "-", "BREACHED"]  # fmt: skip
    assert lines[3].startswith("T-ASGN2")
    assert lines[3].endswith("ok")
    assert AGENT in lines[3]
    status_column = lines[0].index("STATUS")
    assert all(line[status_column:].split()[0] in {"STATUS", "queued", "assigned"}
               for line in lines)  # fmt: skip


async def test_queue_show_prints_timeline_notes_and_masked_transcript(queue: Queue) -> None:
    code, out = await run("queue", "show", "T-BRCH1", "--now", NOW.isoformat())
    assert code == 0
    assert out.startswith("Ticket T-BRCH1  queued  high  dispute  SLA BREACHED\n")
    assert "borrower > I never borrowed this!" in out
    assert "bot < A colleague will reply here." in out
    assert "13800138000" not in out
    assert "138****8000" in out
    assert "  contact: —\n" in out

    code, out = await run("queue", "show", "T-DONE3", "--json", "--now", NOW.isoformat())
    shown = json.loads(out)
    assert shown["outcome"] == "referred_support"
    assert [e["kind"] for e in shown["timeline"]] == [
        "created", "assigned", "first_reply", "note", "resolved",
    ]  # fmt: skip
    assert shown["notes"][0]["agent"] == AGENT
    assert "13900001003" not in shown["notes"][0]["text"]


async def test_queue_show_gives_the_contact_preferences(queue: Queue, redis: Redis) -> None:
    await PreferenceStore(redis).no_third_parties(7001, NOW - timedelta(hours=1))
    code, out = await run("queue", "show", "T-BRCH1", "--now", NOW.isoformat())
    assert code == 0
    assert (
        "  contact: Contact only the borrower about the loan (asked 2025-03-10T09:00:00+08:00)\n"
        in out
    )
    code, out = await run("queue", "show", "T-BRCH1", "--json", "--now", NOW.isoformat())
    assert json.loads(out)["contact"] == {
        "no_third_parties_at": "2025-03-10T09:00:00+08:00",
        "opted_out_at": None,
    }


async def test_queue_show_unknown_ticket_fails(queue: Queue) -> None:
    code, out = await run("queue", "show", "T-NOPE")
    assert code == 1
    assert out == ""


async def test_queue_export_writes_every_ticket_as_csv(queue: Queue, tmp_path: Path) -> None:
    target = tmp_path / "queue.csv"
    code, out = await run("queue", "export", "--csv", str(target), "--now", NOW.isoformat())
    assert code == 0
    assert out == f"4 tickets written to {target}\n"
    with target.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [r["ticket_id"] for r in rows] == ["T-DONE3", "T-BRCH1", "T-FRSH4", "T-ASGN2"]
    assert rows[0]["outcome"] == "referred_support"
    assert rows[1]["sla_breached"] == "yes"

    code, out = await run("queue", "export", "--csv", "-", "--status", "queued")
    assert [r["ticket_id"] for r in csv.DictReader(io.StringIO(out))] == ["T-BRCH1", "T-FRSH4"]


def test_ops_refuses_to_start_without_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("ops")
    assert args.func(args) == 2
    assert "no token" in capsys.readouterr().err
    args = parse("ops", "--dev", "--host", "0.0.0.0")
    assert args.func(args) == 2
    assert "only binds to loopback" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.slow
async def test_repaybot_ops_serves_the_page_behind_the_token(queue: Queue, redis_url: str) -> None:
    port = _free_port()
    env = {**os.environ, "REDIS_URL": redis_url, "OPS_TOKEN": "from-the-env", "OPS_PORT": str(port)}
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).with_name("repaybot")), "ops",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=30)
        assert line.decode().startswith(f"ops page on http://127.0.0.1:{port}/")
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
            async with session.get("/") as refused:
                assert refused.status == 401
            bearer = {"Authorization": "Bearer from-the-env"}
            async with session.get("/tickets?status=open", headers=bearer) as page:
                assert page.status == 200
                assert "T-BRCH1" in await page.text()
    finally:
        process.terminate()
        await process.wait()
