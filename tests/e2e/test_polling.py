"""`repaybot run` in polling mode, a separate process, against the Bot API stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.chat import E2EChat
from tests.e2e.processes import START_TIMEOUT, TOKEN, BotProcess, polling_bot
from tests.e2e.script import D1001_ZH, whole_conversation
from tests.e2e.standin import BotApiStandIn
from tests.e2e.updates import TelegramUser

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(loop_scope="module")
async def api() -> AsyncIterator[BotApiStandIn]:
    standin = BotApiStandIn()
    await standin.start()
    yield standin
    await standin.stop()


@pytest_asyncio.fixture(loop_scope="module")
async def polling(
    api: BotApiStandIn, e2e_redis_url: str, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    """The bot, ready once it asks the stand-in for updates."""
    bot = polling_bot(api.url, e2e_redis_url, tmp_path)
    bot.start()
    try:
        await api.wait_until(
            lambda: bool(api.requests("getUpdates")) or not bot.alive, START_TIMEOUT
        )
        bot.check_alive()
        yield bot
    finally:
        bot.stop()


async def test_full_conversation_by_long_polling(api: BotApiStandIn, polling: BotProcess) -> None:
    user = TelegramUser(5101)
    chat = E2EChat(api, user)
    b = D1001_ZH

    assert await chat.after(api.push_update(user.text("/start")), 2) == b.welcome
    share = chat.replies[1].params["reply_markup"]["keyboard"][0][0]
    assert share["request_contact"] is True

    assert await chat.after(api.push_update(user.share_contact(b.phone)), 1) == b.ask_id
    assert await chat.after(api.push_update(user.text(b.id_last4)), 2) == b.verified
    assert await chat.after(api.push_update(user.text(b.balance_question)), 1) == b.balance

    data, message = chat.button(b.pay_button)
    press = user.press(data, message)
    assert await chat.after(api.push_update(press), 1) == b.channels
    assert chat.answered_queries() == [press["callback_query"]["id"]]

    # Nothing answered twice, nothing left unconfirmed: every update was consumed once.
    assert chat.transcript == whole_conversation(b)
    await api.wait_until(lambda: not api.pending_updates, 15)
    assert {c.token for c in api.calls} == {TOKEN}
    assert api.requests("getMe")
