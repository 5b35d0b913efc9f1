"""Hostile and broken input: every case gets a clear, polite answer or is ignored by design;
nothing raises, nothing leaks another borrower's data, nothing is lost from the transcript."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from aiogram.types import (
    Chat,
    Document,
    Location,
    Message,
    MessageEntity,
    PhotoSize,
    Sticker,
    Update,
    User,
    Voice,
)

from bot.services import BotServices
from tests.bot.conftest import D1001, D1003
from tests.harness import ChatDriver, joined

UNSUPPORTED_ZH = "抱歉，我目前只能阅读文字消息。请输入您的问题，或在菜单中选择。"


@pytest.fixture(autouse=True)
def no_crash_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    yield
    crashes = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert crashes == []


async def test_a_message_of_4096_characters_is_answered_and_kept(
    chat: ChatDriver, services: BotServices
) -> None:
    text = ("我想问一下我的账单" * 500)[:4096]
    replies = await chat.send(text)
    assert len(replies) >= 1
    assert all(len(r) <= 4096 for r in replies)
    entries = await services.transcripts.entries(5001)
    assert entries[0].direction == "in"
    assert entries[0].text == text


@pytest.mark.parametrize(
    "noise",
    [
        "\u202e我还欠多少钱\u202c",  # right-to-left override
        "我\u200b还\u200c欠\u200d多少钱\ufeff",  # zero-width characters
        "我还欠多少钱\x00\x07\x1b[31m",  # control characters and an escape sequence
        "我还欠多少钱" + "😭" * 300,  # emoji flood
    ],
)
async def test_obfuscated_text_still_gets_the_verified_borrowers_own_balance(
    chat: ChatDriver, noise: str
) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send(noise))
    assert "¥2,240.00" in text
    assert "18,600.00" not in text


async def test_emoji_only_flood_gets_a_polite_answer(chat: ChatDriver) -> None:
    replies = await chat.send("🔥" * 2000)
    assert replies
    assert "Traceback" not in joined(replies)


def _file(kind: str) -> dict[str, object]:
    ids = {"file_id": f"{kind}-id", "file_unique_id": f"{kind}-u"}
    return {
        "sticker": Sticker(
            **ids, type="regular", width=1, height=1, is_animated=False, is_video=False
        ),
        "voice": Voice(**ids, duration=3),
        "photo": [PhotoSize(**ids, width=10, height=10)],
        "document": Document(**ids, file_name="payslip.pdf"),
        "location": Location(latitude=31.2, longitude=121.5),
    }[kind]


@pytest.mark.parametrize("kind", ["sticker", "voice", "photo", "document", "location"])
async def test_media_gets_a_polite_answer(chat: ChatDriver, kind: str) -> None:
    replies = await chat.feed(chat.updates.raw_message(**{kind: _file(kind)}))
    assert replies == [UNSUPPORTED_ZH]


async def test_deeply_nested_entities_are_harmless(chat: ChatDriver) -> None:
    text = "我还欠多少钱" * 10
    entities = [MessageEntity(type="bold", offset=0, length=len(text) - i) for i in range(0, 50)]
    replies = await chat.feed(chat.updates.raw_message(text=text, entities=entities))
    assert replies


def _outsider_message(chat: Chat, text: str = "hello") -> Message:
    return Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=chat,
        from_user=User(id=777, is_bot=False, first_name="X"),
        text=text,
    )


@pytest.mark.filterwarnings("ignore:Detected unknown update type:RuntimeWarning")
async def test_updates_the_bot_ignores_by_design(chat: ChatDriver) -> None:
    group = Chat(id=-100555, type="supergroup", title="some group")
    channel = Chat(id=-100666, type="channel", title="a channel")
    edited = chat.updates.text("我还欠多少钱").message
    assert edited is not None
    for update in (
        Update(update_id=1_000_001, message=_outsider_message(group, "我要投诉")),
        Update(update_id=1_000_002, channel_post=_outsider_message(channel)),
        Update(update_id=1_000_003, edited_message=edited),
        Update.model_validate({"update_id": 1_000_004, "some_future_update": {"x": 1}}),
    ):
        assert await chat.feed(update) == []


async def test_forged_plan_and_callback_buttons_are_refused(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    owner, intruder = new_chat(9301), new_chat(9302)
    await owner.verify(*D1001)
    await owner.press("menu:callback")
    slot = next(data for _, data in owner.buttons() if data.startswith("cbslot:"))
    await owner.press(slot)
    [booked] = await services.domain.callbacks.upcoming("D-1001")

    await intruder.verify(*D1003)
    for forged in (
        f"cbm:cancel:{booked.callback_id}",  # someone else's callback
        "planok:not-a-token:1",
        "plan:n:99",
        "pok:stale:1",
        "cbslot:forged:1",
        "tk:claim:T-ABCDEF:",
        "menu:" + "x" * 60,
    ):
        replies = await intruder.press(forged)
        assert "¥2,240.00" not in joined(replies)
    assert [c.callback_id for c in await services.domain.callbacks.upcoming("D-1001")] == [
        booked.callback_id
    ]
    assert await services.domain.plans.history("D-1003") == []


async def test_a_replayed_button_press_is_handled_once(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    press = chat.updates.press("menu:balance")
    assert "¥2,240.00" in joined(await chat.feed(press))
    assert await chat.feed(press) == []
