"""The operations page's daily figures count what borrowers arranged with the bot: each plan,
promise and call back recorded once; a call moved or a confirmation pressed twice adds none."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, data_of


async def test_a_plan_a_promise_and_a_call_back_are_each_counted_once(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    stats = services.domain.stats
    today = stats.today()
    await chat.verify(*D1001)
    await chat.send("能不能分6期")
    confirm = data_of(chat, "✅ 同意，确认方案")
    await chat.press(confirm)
    await chat.press(confirm)  # pressed twice: still one plan

    other = new_chat(6401, "en")
    await other.verify(*D1002)
    await other.send("I'll pay 300 on Friday")
    await other.send("yes")
    await other.send("call me back")
    await other.press(other.buttons()[0][1])
    await other.send("call me back")
    await other.press(other.buttons()[1][1])  # the call moved, not a second call

    figures = await stats.day(today)
    assert (figures.plans, figures.promises, figures.callbacks) == (1, 1, 1)
    assert len(await services.domain.plans.history("D-1001")) == 1
    assert len(await services.domain.promises.history("D-1002")) == 1
    [callback] = await services.domain.callbacks.upcoming("D-1002")
    assert callback.replaces is not None
