"""Every message in and out lands in the chat's transcript, with personal data masked."""

from __future__ import annotations

from bot.services import BotServices
from bot.transcript import MASKED
from tests.bot.conftest import D1001
from tests.harness import ChatDriver


async def test_transcript_records_both_directions_with_id_digits_and_phone_masked(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.verify(*D1001)
    await chat.send("我还欠多少钱")
    entries = await services.transcripts.entries(5001)
    incoming = [e.text for e in entries if e.direction == "in"]
    outgoing = [e.text for e in entries if e.direction == "out"]
    assert incoming[0] == "/start"
    assert incoming[1] == "[contact +86 138 **** 8000]"
    assert incoming[2] == MASKED
    assert incoming[3] == "我还欠多少钱"
    assert any("¥2,240.00" in text for text in outgoing)
    assert any("身份验证成功" in text for text in outgoing)
    assert all("4321" not in e.text for e in entries)
    assert all("13800138000" not in e.text for e in entries)
    assert entries == sorted(entries, key=lambda e: e.entry_id)


async def test_transcript_masks_numbers_a_borrower_types(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.send("我的身份证是110101199003074321，电话13800138000")
    text = (await services.transcripts.entries(5001))[0].text
    assert "110101199003074321" not in text
    assert "13800138000" not in text
