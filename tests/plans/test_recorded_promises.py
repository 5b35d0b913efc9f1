"""A promise already recorded, changed or cancelled: by its wording, or by the buttons under
/agreements. A change is said back old and new, then recorded in place of the old promise;
the policy bounds how often (2 changes). Today is Tue 1 Dec 2026 10:00 in Shanghai."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from actions.domain.promises import Promise
from bot.services import BotServices
from tests.bot.conftest import D1001, D1002
from tests.harness import ChatDriver, data_of, joined

SHANGHAI = "(Asia/Shanghai)"


async def promised(chat: ChatDriver, services: BotServices, text: str, borrower: str) -> Promise:
    """Records the promise `text` makes (confirmed with the button) and returns it."""
    store = services.domain.promises
    before = await store.open_promises(borrower)
    await chat.send(text)
    await chat.press(chat.buttons()[0][1])
    [new] = [p for p in await store.open_promises(borrower) if p not in before]
    return new


async def test_a_promise_is_moved_to_another_day_and_replaces_the_old_one(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    old = await promised(chat, services, "周五还500", "D-1001")
    text = joined(await chat.send("把我的承诺改到下周五"))
    assert text == (
        f"跟您确认一下：还款承诺 {old.promise_id} 由 2026年12月4日（周五） {SHANGHAI} 之前还款"
        f" ¥500.00，改为 2026年12月11日（周五） {SHANGHAI} 之前还款 ¥500.00，对吗？"
    )
    assert await services.domain.promises.open_promises("D-1001") == [old]  # not yet
    text = joined(await chat.send("好的"))
    [new] = await services.domain.promises.open_promises("D-1001")
    assert (new.amount, new.due_date, new.replaces) == (
        Decimal("500.00"),
        date(2026, 12, 11),
        old.promise_id,
    )
    assert text.startswith(
        f"谢谢您，已修改：2026年12月11日（周五） {SHANGHAI} 之前还款 ¥500.00"
        f"（编号 {new.promise_id}，替代 {old.promise_id}）。"
    )
    statuses = {p.promise_id: p.status for p in await services.domain.promises.history("D-1001")}
    assert statuses == {old.promise_id: "cancelled", new.promise_id: "open"}
    stats = services.domain.stats
    assert (await stats.day(stats.today())).promises == 1  # a change is not another promise


async def test_a_change_asked_without_terms_asks_the_day_and_keeps_the_amount(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6501, "en")
    await chat.verify(*D1002)
    old = await promised(chat, services, "I'll pay 300 on Friday", "D-1002")
    text = joined(await chat.send("I need to change my promise"))
    assert text.startswith(
        f"You are changing promise {old.promise_id}: ¥300.00 by Fri 4 Dec 2026 {SHANGHAI}.\n\n"
        "On which date will you pay?"
    )
    await chat.press(data_of(chat, "Wed 2 Dec 2026"))
    text = joined(await chat.send("actually make it 200"))
    assert text == (
        f"To confirm: promise {old.promise_id}, ¥300.00 by Fri 4 Dec 2026 {SHANGHAI}, changes to"
        f" ¥200.00 by Wed 2 Dec 2026 {SHANGHAI}. Is that right?"
    )
    await chat.send("yes")
    [new] = await services.domain.promises.open_promises("D-1002")
    assert (new.amount, new.due_date, new.replaces) == (
        Decimal("200.00"),
        date(2026, 12, 2),
        old.promise_id,
    )


async def test_the_day_after_the_change_words_is_the_new_day_not_the_old_one(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6502, "en")
    await chat.verify(*D1002)
    old = await promised(chat, services, "I'll pay 300 on Friday", "D-1002")
    text = joined(await chat.send("I promised to pay on Friday, can I move it to Monday?"))
    assert f"changes to ¥300.00 by Mon 7 Dec 2026 {SHANGHAI}." in text
    # "No" at the confirmation keeps the recorded promise as it was.
    await chat.send("no")
    assert await services.domain.promises.open_promises("D-1002") == [old]


async def test_cancelling_says_what_is_still_due_and_a_second_cancel_finds_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    old = await promised(chat, services, "周五还500", "D-1001")
    text = joined(await chat.send("麻烦帮我取消我的还款承诺"))
    assert text == (
        f"已取消还款承诺 {old.promise_id}（2026年12月4日（周五） {SHANGHAI} 之前还款"
        " ¥500.00）。\n\n"
        "逾期金额 ¥2,240.00 仍需归还。如果近期还款有困难，我可以为您介绍还款方案；"
        "您也可以在准备好后告诉我新的还款日期。"
    )
    assert await services.domain.promises.open_promises("D-1001") == []
    assert joined(await chat.send("取消承诺")) == "您目前没有有效的还款承诺。"


async def test_with_two_open_promises_the_borrower_picks_which_to_cancel(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6503, "en")
    await chat.verify(*D1002)
    friday = await promised(chat, services, "I'll pay 300 on Friday", "D-1002")
    tomorrow = await promised(chat, services, "I'll pay 100 tomorrow", "D-1002")
    text = joined(await chat.send("can my promise be cancelled?"))
    assert text == (
        "You have more than one open promise. Which one do you mean?\n\n"
        f"Promise {tomorrow.promise_id}: ¥100.00 by Wed 2 Dec 2026 {SHANGHAI}\n\n"
        f"Promise {friday.promise_id}: ¥300.00 by Fri 4 Dec 2026 {SHANGHAI}"
    )
    assert chat.buttons() == [
        (f"❌ Cancel promise {tomorrow.promise_id}", f"pm:cancel:{tomorrow.promise_id}"),
        (f"❌ Cancel promise {friday.promise_id}", f"pm:cancel:{friday.promise_id}"),
    ]
    await chat.press(f"pm:cancel:{friday.promise_id}")
    assert await services.domain.promises.open_promises("D-1002") == [tomorrow]


async def test_agreements_buttons_change_and_cancel_only_the_borrowers_own_promise(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    other = new_chat(6504, "en")
    await other.verify(*D1002)
    theirs = await promised(other, services, "I'll pay 300 on Friday", "D-1002")
    await chat.verify(*D1001)
    mine = await promised(chat, services, "周五还500", "D-1001")
    await chat.send("/agreements")
    assert chat.buttons() == [
        (f"✏️ 修改承诺 {mine.promise_id}", f"pm:change:{mine.promise_id}"),
        (f"❌ 取消承诺 {mine.promise_id}", f"pm:cancel:{mine.promise_id}"),
    ]
    # Forged: another borrower's promise id, an unknown operation, a malformed id.
    for forged in (f"pm:cancel:{theirs.promise_id}", f"pm:change:{theirs.promise_id}"):
        text = joined(await chat.press(forged))
        assert text == (
            "这笔还款承诺已不再有效，无法修改或取消。发送 /agreements 可查看当前有效的约定。"
        )
        assert theirs.promise_id not in text
    for forged in (f"pm:delete:{mine.promise_id}", "pm:cancel:R-1;DROP"):
        assert await chat.press(forged) == []
        assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    assert await services.domain.promises.open_promises("D-1002") == [theirs]
    assert await services.domain.promises.open_promises("D-1001") == [mine]

    text = joined(await chat.press(f"pm:change:{mine.promise_id}"))
    assert text.startswith(f"您要修改的是还款承诺 {mine.promise_id}：")
    await chat.send("下周一")
    await chat.send("对")
    [new] = await services.domain.promises.open_promises("D-1001")
    assert (new.due_date, new.replaces) == (date(2026, 12, 7), mine.promise_id)


async def test_past_the_change_limit_a_person_is_offered(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await promised(chat, services, "周五还500", "D-1001")
    for day in ("周六", "周日"):
        await chat.send(f"把我的承诺改到{day}")
        await chat.send("好的")
    [last] = await services.domain.promises.open_promises("D-1001")
    assert (last.due_date, last.changes) == (date(2026, 12, 6), 2)
    text = joined(await chat.send("把我的承诺改到下周一"))
    assert text == (
        "还款承诺在这里最多可修改 2 次，这笔承诺已经修改过这么多次了。\n\n"
        "我们的客服同事可以和您一起看看具体情况：我可以为您预约回电，您也可以现在转人工客服。"
    )
    assert chat.buttons() == [("📞 预约回电", "menu:callback"), ("🙋 转人工", "menu:human")]
    await chat.press("menu:human")
    ticket_id = await services.domain.tickets.open_for_chat(chat.updates.chat.id)
    ticket = await services.domain.tickets.get(ticket_id or "")
    assert ticket is not None
    assert ticket.reason == "out_of_policy"
    assert ticket.offered == ["out_of_policy:promise_change_limit"]
    assert await services.domain.promises.open_promises("D-1001") == [last]


async def test_before_verification_the_cancel_waits_for_it_then_goes_ahead(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    old = await promised(chat, services, "周五还500", "D-1001")
    await chat.send("/logout")
    assert "手机号" in joined(await chat.send("取消我的承诺"))
    assert await services.domain.promises.open_promises("D-1001") == [old]
    phone, digits = D1001
    await chat.share_contact(phone)
    text = joined(await chat.send(digits))
    assert f"已取消还款承诺 {old.promise_id}" in text
    assert await services.domain.promises.open_promises("D-1001") == []


async def test_cancel_while_a_new_promise_is_being_made_takes_back_only_that_one(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    old = await promised(chat, services, "周五还500", "D-1001")
    await chat.send("下周一还300")
    text = joined(await chat.send("取消这个承诺"))
    assert text.startswith("好的，没有记录任何内容。")
    assert await services.domain.promises.open_promises("D-1001") == [old]
