"""`repaybot run --webhook`: two worker processes behind one webhook, sharing one Redis.

Telegram (here `WebhookDelivery`) posts each update to a worker and posts it again, to another
one, until a worker answers 200; workers answer only once an update is handled.
"""

from __future__ import annotations

import asyncio
import signal

import pytest

from tests.e2e.chat import E2EChat
from tests.e2e.conftest import WorkerPool
from tests.e2e.processes import SECRET, BotProcess
from tests.e2e.script import D1001_ZH, D1002_EN, whole_conversation
from tests.e2e.standin import BotApiStandIn
from tests.e2e.updates import TelegramUser
from tests.e2e.webhooks import Attempt, WebhookDelivery

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]


async def test_conversation_across_two_workers(
    webhook_api: BotApiStandIn, pool: WorkerPool, telegram: WebhookDelivery
) -> None:
    a, b = await pool.ensure(2)
    api, user, d = webhook_api, TelegramUser(6101), D1001_ZH
    chat = E2EChat(api, user)

    async def via(worker: BotProcess, update: dict[str, object]) -> None:
        """Delivered to `worker`, which took it the first time."""
        assert await telegram.deliver(update, first=worker) == [Attempt(worker.name, 200)]

    # Each worker registered the webhook with the secret Telegram must send back.
    registered = {c.params["url"]: c.params for c in api.requests("setWebhook")}
    for worker in (a, b):
        assert registered[worker.webhook_url]["secret_token"] == SECRET
        assert {"message", "callback_query"} <= set(
            registered[worker.webhook_url]["allowed_updates"]
        )

    assert await chat.after(via(a, user.text("/start")), 2) == d.welcome
    assert await chat.after(via(b, user.share_contact(d.phone)), 1) == d.ask_id

    # A post without the right secret is refused and changes nothing...
    id_update = user.text(d.id_last4)
    mark = len(api.calls)
    assert await telegram.post(a, id_update, secret="not-the-secret") == Attempt(a.name, 401)
    assert await telegram.post(b, id_update, secret="") == Attempt(b.name, 401)
    await asyncio.sleep(0.5)
    assert api.calls[mark:] == []
    # ...so the same update, genuinely from Telegram, is still handled in the same state.
    assert await chat.after(via(a, id_update), 2) == d.verified

    balance = user.text(d.balance_question)
    assert await chat.after(via(b, balance), 1) == d.balance
    # The same update delivered again, to the other worker: accepted, not answered again.
    assert await chat.after(via(a, balance), 0) == []

    data, message = chat.button(d.pay_button)
    press = user.press(data, message)
    assert await chat.after(via(b, press), 1) == d.channels
    assert chat.answered_queries() == [press["callback_query"]["id"]]

    assert chat.transcript == whole_conversation(d)
    assert a.alive and b.alive


async def test_worker_killed_mid_conversation_then_restarted(
    webhook_api: BotApiStandIn, pool: WorkerPool, telegram: WebhookDelivery
) -> None:
    a, b = await pool.ensure(2)
    api, user, d = webhook_api, TelegramUser(6201, "en"), D1002_EN
    chat = E2EChat(api, user)

    assert await chat.after(telegram.deliver(user.text("/start"), first=a), 2) == d.welcome
    assert await chat.after(telegram.deliver(user.share_contact(d.phone), first=a), 1) == d.ask_id

    await a.kill()  # SIGKILL while the borrower is being asked for their ID
    attempts: list[Attempt] = []

    async def deliver(update: dict[str, object], first: BotProcess | None = None) -> None:
        attempts[:] = await telegram.deliver(update, first=first)

    # Sent to the dead worker, redelivered to the live one, which knows where the chat is.
    assert await chat.after(deliver(user.text(d.id_last4), first=a), 2) == d.verified
    assert attempts == [Attempt(a.name, None), Attempt(b.name, 200)]
    assert await chat.after(deliver(user.text(d.balance_question)), 1) == d.balance
    assert attempts[-1] == Attempt(b.name, 200)

    # A fresh worker (the restart) picks the conversation up where it is.
    (c,) = [w for w in await pool.ensure(2) if w not in (a, b)]
    assert api.requests("setWebhook")[-1].params["url"] == c.webhook_url
    data, message = chat.button(d.pay_button)
    press = user.press(data, message)
    assert await chat.after(deliver(press, first=c), 1) == d.channels
    assert attempts == [Attempt(c.name, 200)]

    assert chat.transcript == whole_conversation(d)


async def test_sigterm_finishes_the_update_in_hand(
    webhook_api: BotApiStandIn, pool: WorkerPool, telegram: WebhookDelivery
) -> None:
    worker, other = await pool.ensure(2)
    api, user, d = webhook_api, TelegramUser(6301, "en"), D1002_EN
    chat = E2EChat(api, user)

    # Telegram holds the bot's first reply, so the worker is mid-update when SIGTERM comes.
    gate = api.hold("sendMessage", lambda p: p.get("chat_id") == user.chat_id)
    delivery = asyncio.create_task(telegram.deliver(user.text("/start"), first=worker))
    await asyncio.wait_for(gate.arrived.wait(), 30)
    worker.send_signal(signal.SIGTERM)
    await _wait_closed(worker)  # it stopped taking new updates...
    gate.release()

    # ...but finished the one in hand: answered once, completely, by that worker.
    assert await delivery == [Attempt(worker.name, 200)]
    assert chat.transcript == d.welcome
    assert await worker.wait_exit() == 0

    # The conversation goes on with the other worker.
    assert await chat.after(telegram.deliver(user.share_contact(d.phone), first=other), 1) == (
        d.ask_id
    )


async def _wait_closed(worker: BotProcess, timeout: float = 20) -> None:
    """Until the worker's port refuses connections (its listening socket is closed)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", worker.port)
        except OSError:
            return
        writer.close()
        await asyncio.sleep(0.05)
    raise AssertionError(f"{worker.name} still accepting connections {timeout} s after SIGTERM")
