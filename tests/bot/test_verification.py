"""Verification through the real dispatcher and Redis: nothing about a loan before it succeeds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from actions.domain.clock import FixedClock
from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, joined

WRONG = "0000"


async def test_start_says_it_is_an_automated_assistant_and_asks_for_the_contact(
    chat: ChatDriver,
) -> None:
    replies = await chat.send("/start")
    assert "自动还款助手" in replies[0]
    assert "示例消费金融" in replies[0]
    assert chat.asks_for_contact()


async def test_verified_borrower_is_greeted_by_name_and_bound_for_30_days(
    chat: ChatDriver, services: BotServices
) -> None:
    replies = await chat.verify(*D1001)
    assert replies[0] == "谢谢您，身份验证成功。"
    assert await services.domain.identity.bound_borrower(5001) == "D-1001"
    ttl = await services.redis.ttl("repaybot:identity:binding:5001")
    assert timedelta(days=30) - timedelta(minutes=1) < timedelta(seconds=ttl) <= timedelta(days=30)


async def test_phone_typed_in_any_format_matches(chat: ChatDriver) -> None:
    await chat.send("/start")
    replies = await chat.share_contact("8613800138000")
    assert "后4位" in replies[0]
    replies = await chat.send("4321")
    assert "身份验证成功" in replies[0]


async def test_wrong_digits_counts_down_then_right_digits_succeed(chat: ChatDriver) -> None:
    await chat.send("/start")
    await chat.share_contact(D1001[0])
    replies = await chat.send(WRONG)
    assert replies == [
        "抱歉，信息与我们的记录不符，请核对后重试。您还有 4 次机会，之后验证将暂停一段时间。"
    ]
    replies = await chat.send(D1001[1])
    assert "身份验证成功" in replies[0]


async def test_five_failures_lock_for_30_minutes_then_unlock(
    new_chat: Callable[..., ChatDriver], clock: FixedClock
) -> None:
    chat = new_chat(5002, "en")
    await chat.send("/start")
    await chat.share_contact(D1002[0])
    for _ in range(4):
        await chat.send(WRONG)
    replies = await chat.send(WRONG)
    assert "verification is paused" in replies[0]
    # 10:00 + 30 min, in the borrower's timezone, named.
    assert "Tue 1 Dec 2026 10:30 (Asia/Shanghai)" in replies[0]

    clock.advance(timedelta(minutes=10))
    await chat.send("/start")
    replies = await chat.share_contact(D1002[0])
    assert "verification is paused" in joined(replies)
    assert "last 4" not in joined(replies)

    clock.advance(timedelta(minutes=21))
    await chat.send("/start")
    await chat.share_contact(D1002[0])
    replies = await chat.send(D1002[1])
    assert replies[0] == "Thank you, you are verified."


async def test_right_digits_after_a_lock_set_elsewhere_do_not_verify(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    """Five failures from another session lock verification between the phone and the digits:
    the right digits then bind nothing and say when it opens again, in the borrower's time."""
    chat = new_chat(5006, "en")
    await chat.send("/start")
    await chat.share_contact(D1002[0])
    for _ in range(5):
        await services.domain.identity.record_failure(5006)

    replies = await chat.send(D1002[1])

    assert "verification is paused" in replies[0]
    assert "Tue 1 Dec 2026 10:30 (Asia/Shanghai)" in replies[0]
    assert "verified" not in joined(replies)
    assert await services.domain.identity.bound_borrower(5006) is None


async def test_forwarded_contact_is_refused(chat: ChatDriver, services: BotServices) -> None:
    await chat.send("/start")
    replies = await chat.share_contact(D1001[0], contact_user_id=999)
    assert "本人Telegram账号" in replies[0]
    assert chat.asks_for_contact()
    replies = await chat.send(D1001[1])
    assert "身份验证成功" not in joined(replies)
    assert await services.domain.identity.bound_borrower(5001) is None


async def test_typed_phone_number_is_not_accepted_as_proof(chat: ChatDriver) -> None:
    await chat.send("/start")
    replies = await chat.send("13800138000")
    assert "分享我的手机号" in replies[0]
    assert "后4位" not in joined(replies)


async def test_unknown_number_gets_exactly_the_answers_a_known_one_gets(
    new_chat: Callable[..., ChatDriver],
) -> None:
    known, unknown = new_chat(5003, "en"), new_chat(5004, "en")
    await known.send("/start")
    await unknown.send("/start")
    assert await known.share_contact(D1001[0]) == await unknown.share_contact("+86 135 1234 5678")
    assert await known.send(WRONG) == await unknown.send(WRONG)


async def test_balance_before_verification_starts_verification_then_shows_it(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(5005, "en")
    replies = await chat.send("what do I owe")
    assert "¥" not in joined(replies)
    assert "confirm who you are" in joined(replies)
    assert chat.asks_for_contact()
    await chat.share_contact(D1001[0])
    replies = await chat.send(D1001[1])
    assert "¥2,240.00" in joined(replies)


async def test_logout_ends_the_binding(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1001)
    replies = await chat.send("/logout")
    assert "退出验证" in replies[0]
    assert await services.domain.identity.bound_borrower(5001) is None
    replies = await chat.send("我还欠多少钱")
    assert "¥" not in joined(replies)
    assert chat.asks_for_contact()


async def test_binding_expires_after_its_ttl(chat: ChatDriver, services: BotServices) -> None:
    await chat.verify(*D1001)
    await services.redis.delete("repaybot:identity:binding:5001")  # what expiry does
    replies = await chat.send("我还欠多少钱")
    assert "¥" not in joined(replies)


async def test_a_promise_made_before_verifying_is_carried_on_after_it(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(5010, "en")
    replies = await chat.send("I'll pay 500 on the 15th")
    assert chat.asks_for_contact()
    assert "500" not in joined(replies)
    await chat.share_contact(D1002[0])
    replies = await chat.send(D1002[1])
    text = joined(replies)
    assert "¥500.00" in text
    assert "15 Dec 2026" in text


async def test_the_id_digits_are_read_as_people_type_them_and_never_stored(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    typings = ["４３２１", "4321。", "43 21", "我的后四位是4321", "四三二一"]  # full-width...
    for user_id, typed in enumerate(typings, start=5101):
        chat = new_chat(user_id)
        await chat.send("/start")
        await chat.share_contact(D1001[0])
        assert (await chat.send(typed))[0] == "谢谢您，身份验证成功。", typed
        stored = [entry.text for entry in await services.transcripts.entries(user_id)]
        assert typed not in stored and not any("4321" in text for text in stored)


async def test_another_number_in_a_sentence_is_not_taken_for_the_id(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(5105)
    await chat.send("/start")
    await chat.share_contact(D1001[0])
    await chat.send("我想还1000")
    assert await services.domain.identity.bound_borrower(5105) is None
    # no attempt was counted: five wrong ones still lock only after the fifth
    replies = await chat.send(WRONG)
    assert "您还有 4 次机会" in replies[0]


async def test_a_request_while_the_id_is_awaited_keeps_the_shared_number(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(5106, "en")
    await chat.send("/start")
    await chat.share_contact(D1001[0])
    # before, this asked for the phone number again
    assert await chat.send("I lost my job, can I pay in instalments?") == [
        "To go on, I still need the last 4 characters of your ID document (for example 1234 or"
        " 123X)."
    ]
    replies = joined(await chat.send("4321"))
    assert replies.startswith("Thank you, you are verified.")
    assert "Your overdue amount is ¥2,240.00" in replies  # the request, resumed
