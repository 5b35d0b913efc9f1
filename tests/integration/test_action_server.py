"""The same conversation with actions in-process and on the real rasa-sdk action server
(`repaybot actions`, a separate process): identical replies; error bodies carry no personal data.

The action server uses the system clock, so both runs do too (quotes are dated "today"); the
conversation avoids callback slots, whose offer moves with the minute.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from redis.asyncio import Redis

from actions.domain.clock import SystemClock
from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.redis_server import RedisServer
from bot.services import BotServices, build_services
from bot.settings import ActionsSettings, LimitsSettings, Settings
from tests.bot.conftest import D1001, D1003
from tests.harness import ChatDriver

ROOT = Path(__file__).resolve().parents[2]
REPAYBOT = Path(sys.executable).parent / "repaybot"
_IDS = re.compile(r"\b[PRC]-[A-Z2-9]{8}\b")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def action_server(redis_server: RedisServer) -> Iterator[str]:
    """`repaybot actions` on a free loopback port, against the test Redis (one per module)."""
    port = _free_port()
    env = {**os.environ, "REDIS_URL": redis_server.url}
    env.pop("ACTIONS_URL", None)
    process = subprocess.Popen(
        [str(REPAYBOT), "actions", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                assert process.stderr is not None
                raise RuntimeError(f"action server exited: {process.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError("action server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()


async def _healthy(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(100):
            try:
                async with session.get(f"{url}/health") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError("action server is not healthy")


def _mask(texts: list[str]) -> list[str]:
    return [_IDS.sub("<id>", text) for text in texts]


async def _conversation(services: BotServices) -> list[list[str]]:
    """Verification, hardship options, an exact quote, a yes, a part payment, the agreements;
    and a borrower outside the policy. Every reply, ids masked."""
    dispatcher = build_dispatcher(services)
    session = LocalSession()
    bot = build_bot(services, session=session)
    first = ChatDriver(dispatcher, bot, session, 8101, "zh-hans")
    second = ChatDriver(dispatcher, bot, session, 8102, "en")
    transcript: list[list[str]] = []

    async def step(chat: ChatDriver, replies: list[str]) -> None:
        transcript.append(_mask([*replies, f"buttons={chat.buttons()!r}"]))

    await first.send("/start")
    await first.share_contact(D1001[0])
    await step(first, await first.send(D1001[1]))
    await step(first, await first.send("我想分期"))
    await step(first, await first.press("plan:n:6"))
    transcript[-1][-1] = _IDS.sub(
        "<id>", re.sub(r"planok:\w+", "planok:<token>", transcript[-1][-1])
    )
    await step(first, await first.send("确认"))
    await step(first, await first.send("有多少先还多少"))
    await step(first, await first.send("300"))
    transcript[-1][-1] = re.sub(r"pok:\w+", "pok:<token>", transcript[-1][-1])
    await step(first, await first.send("确认"))
    await step(first, await first.send("/agreements"))
    await step(first, await first.send("我想分期"))

    await second.send("/start")
    await second.share_contact(D1003[0])
    await step(second, await second.send(D1003[1]))
    await step(second, await second.send("installment plan please"))
    await step(second, await second.send("I'll pay 100000 tomorrow"))
    return transcript


async def test_same_conversation_in_process_and_over_http(
    redis: Redis, redis_url: str, action_server: str
) -> None:
    await _healthy(action_server)
    # The script types faster than a person: no flood control here (tests/bot covers it).
    limits = LimitsSettings(messages_per_window=1000)
    local = build_services(Settings(limits=limits), redis_url, clock=SystemClock())
    try:
        in_process = await _conversation(local)
    finally:
        await local.close()
    await redis.flushdb()
    remote_settings = Settings(actions=ActionsSettings(actions_url=action_server), limits=limits)
    remote = build_services(remote_settings, redis_url, clock=SystemClock())
    try:
        over_http = await _conversation(remote)
    finally:
        await remote.close()

    assert over_http == in_process
    text = "\n".join(line for step in in_process for line in step)
    # The conversation did what it says, over HTTP too: a plan, a part payment, a refusal.
    assert "¥2,240.00 分 6 期按月还款" in text
    assert "您的还款方案 <id> 已记录" in text
    assert "谢谢您，已记录：今天" in text
    assert "Your overdue amount" not in text
    assert "up to 90 days past due; yours is 95 days past due" in text
    assert "¥100,000.00 is more than the overdue amount of ¥18,600.00" in text
    plans = await redis.keys("repaybot:plans:*")
    assert len(plans) == 1


async def test_malformed_webhook_requests_answer_without_personal_data(action_server: str) -> None:
    await _healthy(action_server)
    personal = ("+8613800138000", "13800138000", "王小明", "2,240.00", "2240.00", "4321", "D-1001")
    bodies: list[bytes] = [
        # Not JSON at all.
        b'{"next_action": "action_balance", "phone": "+8613800138000", "name": "\xe7\x8e\x8b',
        # JSON, but the tracker is not a tracker.
        (
            '{"next_action": "action_balance", "sender_id": "5001", "version": "3.10.0",'
            ' "tracker": {"sender_id": "5001", "slots": "王小明 +8613800138000 ¥2,240.00 4321",'
            ' "latest_message": "I owe 2240.00", "events": 7}, "domain": {"version": "3.1"}}'
        ).encode(),
        # An action the server does not know, with a tracker full of personal data.
        (
            '{"next_action": "action_unknown", "sender_id": "5001", "version": "3.10.0",'
            ' "tracker": {"sender_id": "5001", "slots": {"borrower_id": "D-1001",'
            ' "phone": "+8613800138000", "id_digits": "4321"},'
            ' "latest_message": {"text": "王小明 owes 2,240.00"}, "events": []},'
            ' "domain": {"version": "3.1"}}'
        ).encode(),
        # A known action whose tracker has the wrong shape.
        (
            '{"next_action": "action_balance", "sender_id": "5001", "version": "3.10.0",'
            ' "tracker": {"sender_id": "5001", "slots": ["D-1001", "+8613800138000"],'
            ' "latest_message": {"text": "王小明 2240.00"}, "events": {"x": "4321"}},'
            ' "domain": {"version": "3.1"}}'
        ).encode(),
    ]
    statuses: list[int] = []
    async with aiohttp.ClientSession() as session:
        for body in bodies:
            async with session.post(
                f"{action_server}/webhook",
                data=body,
                headers={"Content-Type": "application/json"},
            ) as response:
                answer = await response.text()
                statuses.append(response.status)
                for item in personal:
                    assert item not in answer, (item, answer)
    # Refused (not JSON, not a tracker, unknown action) or, for a tracker whose slots are
    # unusable, answered as for anyone unverified: never an echo of what was sent.
    assert all(code >= 400 for code in statuses[:3]), statuses
