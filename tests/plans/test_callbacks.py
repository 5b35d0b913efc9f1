"""Callbacks: the next free slots or those near the time asked for, atomic booking (a slot is
never over capacity, even when two borrowers take its last place at once), cancel and rebook."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from bot.services import BotServices
from tests.bot.conftest import D1001, D1002, SHANGHAI
from tests.harness import ChatDriver, data_of, joined


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


async def fill(services: BotServices, start: datetime, places: int) -> None:
    """Other borrowers take `places` places of the slot starting at `start`."""
    for n in range(places):
        booking = await services.domain.callbacks.book(f"X-{start:%d%H%M}-{n}", start, SHANGHAI)
        assert booking.ok


async def slot_count(services: BotServices, start: datetime) -> int:
    """Callbacks booked in the slot, as Redis holds the count."""
    raw = await services.redis.get(f"repaybot:{{cb}}:slot:{int(start.timestamp())}")
    assert raw is not None
    return int(raw)


async def test_call_me_offers_the_next_free_slots_and_books_one(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("打电话给我"))
    assert "以下是客服最近可回电的时间（Asia/Shanghai 时间）" in text
    assert [label for label, _ in chat.buttons()] == [
        "2026年12月1日（周二） 10:30",
        "2026年12月1日（周二） 11:00",
        "2026年12月1日（周二） 11:30",
        "2026年12月1日（周二） 12:00",
        "2026年12月1日（周二） 12:30",
    ]
    text = joined(await chat.press(data_of(chat, "2026年12月1日（周二） 11:00")))
    [callback] = await services.domain.callbacks.upcoming("D-1001")
    assert callback.start == at(1, 11)
    assert text == (
        "已预约：客服将于 2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai) 给您回电"
        f"（编号 {callback.callback_id}）。"
    )


async def test_a_time_typed_while_the_slots_are_shown_offers_slots_near_it(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    # Read on their own these are promises to pay; while the slots are shown, they are times.
    await chat.verify(*D1001)
    await chat.send("我想预约回电")
    text = joined(await chat.send("明天下午3点"))
    assert text == "以下是最接近您所说时间的可预约时段（Asia/Shanghai 时间），点击即可预约："
    assert [label for label, _ in chat.buttons()][:3] == [
        "2026年12月2日（周三） 14:00",
        "2026年12月2日（周三） 14:30",
        "2026年12月2日（周三） 15:00",
    ]
    english = new_chat(6310, "en")
    await english.verify(*D1002)
    await english.send("call me back")
    text = joined(await english.send("tomorrow 10am"))
    assert "free times closest to what you asked for (times in Asia/Shanghai)" in text
    assert "How much will you pay?" not in text
    assert [label for label, _ in english.buttons()][:3] == [
        "Wed 2 Dec 2026 09:00",
        "Wed 2 Dec 2026 09:30",
        "Wed 2 Dec 2026 10:00",
    ]
    await english.press(data_of(english, "Wed 2 Dec 2026 10:00"))
    [callback] = await services.domain.callbacks.upcoming("D-1002")
    assert callback.start == at(2, 10)
    assert await services.domain.promises.history("D-1002") == []


async def test_a_part_of_the_day_moves_the_slots_within_the_day_shown(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("打电话给我")
    await chat.send("明天上午10点")
    text = joined(await chat.send("改到下午"))  # read on its own: a goodbye
    assert text == "以下是最接近您所说时间的可预约时段（Asia/Shanghai 时间），点击即可预约："
    assert [label for label, _ in chat.buttons()][2] == "2026年12月2日（周三） 14:00"
    english = new_chat(6311, "en")
    await english.verify(*D1002)
    text = joined(await english.send("can you call me in the evening"))  # today, 10:00 now
    assert "free times closest to what you asked for" in text
    assert "Tue 1 Dec 2026 18:00" in [label for label, _ in english.buttons()]
    await english.send("Thursday")
    text = joined(await english.send("morning?"))  # read on its own: a greeting
    assert next(label for label, _ in english.buttons()) == "Thu 3 Dec 2026 09:00"
    assert await services.domain.callbacks.upcoming("D-1002") == []


async def test_call_me_tomorrow_after_3pm_offers_slots_near_that_time(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(6301, "en")
    await chat.verify(*D1002)
    text = joined(await chat.send("call me tomorrow after 3pm"))
    assert "free times closest to what you asked for (times in Asia/Shanghai)" in text
    assert [label for label, _ in chat.buttons()] == [
        "Wed 2 Dec 2026 14:00",
        "Wed 2 Dec 2026 14:30",
        "Wed 2 Dec 2026 15:00",
        "Wed 2 Dec 2026 15:30",
        "Wed 2 Dec 2026 16:00",
    ]
    text = joined(await chat.press(data_of(chat, "Wed 2 Dec 2026 15:30")))
    [callback] = await services.domain.callbacks.upcoming("D-1002")
    assert callback.start == at(2, 15, 30)
    assert (
        "our team will call you on Wed 2 Dec 2026 15:30–16:00 (Asia/Shanghai)"
        f" (reference {callback.callback_id})" in text
    )


async def test_full_slots_are_not_offered_and_a_slot_filled_meanwhile_is_refused(
    chat: ChatDriver, services: BotServices
) -> None:
    await fill(services, at(1, 10, 30), 3)
    await chat.verify(*D1001)
    await chat.send("打电话给我")
    labels = [label for label, _ in chat.buttons()]
    assert labels[0] == "2026年12月1日（周二） 11:00"
    assert "2026年12月1日（周二） 10:30" not in labels
    # Someone else takes the last places of 11:00 before the borrower taps it.
    await fill(services, at(1, 11), 3)
    text = joined(await chat.press(data_of(chat, "2026年12月1日（周二） 11:00")))
    assert "抱歉，2026年12月1日（周二） 11:00 (Asia/Shanghai) 这个时段刚刚约满了。" in text
    assert "以下时间仍可预约（Asia/Shanghai 时间）" in text
    labels = [label for label, _ in chat.buttons()]
    assert "2026年12月1日（周二） 11:00" not in labels
    assert "2026年12月1日（周二） 11:30" in labels
    assert await services.domain.callbacks.upcoming("D-1001") == []
    assert await slot_count(services, at(1, 11)) == 3


async def test_two_borrowers_tapping_the_last_place_at_once_exactly_one_wins(
    separate_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    await fill(services, at(1, 10, 30), 2)
    first, second = separate_chat(6311), separate_chat(6312)
    await first.verify(*D1001)
    await second.verify(*D1002)
    await first.send("打电话给我")
    await second.send("打电话给我")
    label = "2026年12月1日（周二） 10:30"
    results = await asyncio.gather(
        first.press(data_of(first, label)), second.press(data_of(second, label))
    )
    texts = [joined(r) for r in results]
    booked = [t for t in texts if t.startswith("已预约")]
    full = [t for t in texts if "这个时段刚刚约满了" in t]
    assert len(booked) == 1
    assert len(full) == 1
    winners = [bid for bid in ("D-1001", "D-1002") if await services.domain.callbacks.upcoming(bid)]
    assert len(winners) == 1
    assert await slot_count(services, at(1, 10, 30)) == 3


async def test_no_while_the_slots_are_shown_books_nothing(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("打电话给我")
    slot = data_of(chat, "2026年12月1日（周二） 11:00")
    text = joined(await chat.send("算了"))
    assert text == "好的，没有为您预约新的回电时间。您随时可以再预约，或从菜单中选择。"
    assert "💰 查询欠款" in dict(chat.buttons())
    assert await chat.press(slot) == []  # the offer is closed
    en = new_chat(6401, "en")
    await en.verify(*D1002)
    await en.send("call me back please")
    text = joined(await en.send("no"))
    assert text.startswith("All right, no time was booked.")
    assert await services.domain.callbacks.upcoming("D-1001") == []
    assert await services.domain.callbacks.upcoming("D-1002") == []


async def test_cancel_then_book_again(chat: ChatDriver, services: BotServices) -> None:
    booked = await services.domain.callbacks.book("D-1001", at(1, 11), SHANGHAI)
    assert booked.callback is not None
    first = booked.callback
    await chat.verify(*D1001)

    text = joined(await chat.send("取消回电"))
    assert text == (
        "已取消 2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai) 的回电"
        f"（编号 {first.callback_id}）。"
        "您随时可以重新预约。"
    )
    assert await services.domain.callbacks.upcoming("D-1001") == []
    text = joined(await chat.send("取消回电"))
    assert "您目前没有预约的回电" in text

    await chat.press("menu:callback")
    await chat.press(data_of(chat, "2026年12月1日（周二） 11:00"))  # its place is free again
    [again] = await services.domain.callbacks.upcoming("D-1001")
    assert again.start == at(1, 11)
    assert again.callback_id != first.callback_id
    assert await slot_count(services, at(1, 11)) == 1


async def test_choosing_another_time_moves_the_booked_call(
    chat: ChatDriver, services: BotServices
) -> None:
    booked = await services.domain.callbacks.book("D-1001", at(1, 11, 30), SHANGHAI)
    assert booked.callback is not None
    second = booked.callback
    await chat.verify(*D1001)

    text = joined(await chat.press("menu:callback"))
    assert (
        "您已预约在 2026年12月1日（周二） 11:30–12:00 (Asia/Shanghai) 回电"
        f"（编号 {second.callback_id}）" in text
    )
    assert "❌ 取消回电" in dict(chat.buttons())
    text = joined(await chat.press(data_of(chat, "2026年12月1日（周二） 12:30")))
    [moved] = await services.domain.callbacks.upcoming("D-1001")
    assert moved.start == at(1, 12, 30)
    assert moved.replaces == second.callback_id
    assert (
        "已改约：客服将改为 2026年12月1日（周二） 12:30–13:00 (Asia/Shanghai) 给您回电"
        f"（编号 {moved.callback_id}）" in text
    )
    statuses = {c.callback_id: c.status for c in await services.domain.callbacks.history("D-1001")}
    assert statuses == {second.callback_id: "cancelled", moved.callback_id: "booked"}
    assert await slot_count(services, at(1, 11, 30)) == 0
    assert await slot_count(services, at(1, 12, 30)) == 1


async def test_old_or_forged_slot_buttons_book_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("打电话给我")
    old = data_of(chat, "2026年12月1日（周二） 11:00")
    await chat.send("打电话给我")  # a new offer: the old buttons are stale
    token = data_of(chat, "2026年12月1日（周二） 11:00").split(":")[1]
    assert await chat.press(old) == []
    # The current token, but a time that was not offered (Sunday, when nobody calls).
    assert await chat.press(f"cbslot:{token}:{int(at(6, 10).timestamp())}") == []
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    assert await services.domain.callbacks.history("D-1001") == []


async def test_a_time_when_the_team_does_not_call_is_said_so_before_the_nearest_times(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(6801, "en")
    await chat.verify(*D1001)
    assert await chat.send("call me on sunday") == [
        "Our team calls on Mon, Tue, Wed, Thu, Fri, Sat, between 09:00 and 20:00.\n\n"
        "Here are the free times closest to what you asked for (times in Asia/Shanghai)."
        " Tap one to book it:"
    ]
    assert [label for label, _ in chat.buttons()] == [
        "Mon 7 Dec 2026 09:00",
        "Mon 7 Dec 2026 09:30",
        "Mon 7 Dec 2026 10:00",
        "Mon 7 Dec 2026 10:30",
        "Mon 7 Dec 2026 11:00",
    ]
    far = joined(await chat.send("call me next friday at 3pm"))
    assert far.startswith(
        "Calls can be booked up to 7 days ahead; Fri 11 Dec 2026 15:00 (Asia/Shanghai) is"
        " further away."
    )
    # a time the team does call gets the nearest times alone
    assert (await chat.send("call me tomorrow at 3pm"))[0].startswith(
        "Here are the free times closest to what you asked for"
    )
    # a time on a day the team does not call: that time on the next day it does
    assert (await chat.send("call me on sunday at 3pm"))[0].startswith("Our team calls on Mon")
    assert [label for label, _ in chat.buttons()] == [
        "Mon 7 Dec 2026 14:00",
        "Mon 7 Dec 2026 14:30",
        "Mon 7 Dec 2026 15:00",
        "Mon 7 Dec 2026 15:30",
        "Mon 7 Dec 2026 16:00",
    ]


async def test_in_two_hours_shows_the_times_around_then(
    new_chat: Callable[..., ChatDriver],
) -> None:
    # the clock reads 10:00; before, "in 2 hours" showed the next times from 10:30
    chat = new_chat(6802, "en")
    await chat.verify(*D1001)
    await chat.send("call me in 2 hours")
    labels = [label for label, _ in chat.buttons()]
    assert "Tue 1 Dec 2026 12:00" in labels and "Tue 1 Dec 2026 10:30" not in labels
    zh = new_chat(6803)
    await zh.verify(*D1001)
    await zh.send("两个小时后给我打电话")
    assert "2026年12月1日（周二） 12:00" in [label for label, _ in zh.buttons()]
