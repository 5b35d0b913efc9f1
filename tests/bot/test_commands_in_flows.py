"""A command is answered as itself while a flow waits for an answer, not read as the answer."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, joined


async def test_stop_during_the_amount_question_opts_out_and_the_question_stays_open(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    assert "您打算还多少？" in joined(await chat.send("周五还"))
    text = joined(await chat.send("/stop"))
    assert "之后不会再向您发送提醒" in text
    assert "请只输入金额" not in text
    assert await services.domain.preferences.opted_out_at(5001) is not None
    text = joined(await chat.send("500"))
    assert "您将在 2026年12月4日（周五） (Asia/Shanghai) 之前还款 ¥500.00，对吗？" in text


async def test_logout_while_the_id_digits_are_asked_is_a_logout(chat: ChatDriver) -> None:
    await chat.send("/start")
    await chat.share_contact(D1001[0])
    text = joined(await chat.send("/logout"))
    assert text == "您尚未验证身份，无需退出。"
    # The question was dropped with the logout: the digits now verify nothing.
    assert "当前逾期应还" not in joined(await chat.send(D1001[1]))


async def test_stop_during_the_plan_choice_opts_out_and_the_choice_stays_open(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(7101, "en")
    await chat.verify(*D1002)
    await chat.send("I lost my job, can I pay in installments?")
    text = joined(await chat.send("/stop"))
    assert text.startswith("Understood. I will not send you reminders")
    assert await services.domain.preferences.opted_out_at(7101) is not None
    text = joined(await chat.send("4 instalments"))
    assert "Your plan: ¥5,400.00 in 4 monthly instalments" in text
    assert "Total: ¥5,400.00" in text
