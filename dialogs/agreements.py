""" "What did I agree to?" (/agreements, "我答应了什么"): the active plan, promises, callback."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.types import InlineKeyboardMarkup, Message

from actions import plan_slots
from bot.conversation import Conversation
from dialogs.filters import SlashCommand, Text
from dialogs.keyboards import main_menu
from dialogs.plan_common import run_action
from dialogs.plan_keyboards import manage_callback_rows, manage_promise_rows
from dialogs.resume import resumable
from dialogs.verify import begin_verification

ASKED = re.compile(
    r"what (?:did|have) i (?:agree|agreed|promise|promised)|\bmy agreements?\b|"
    r"我答应了什么|我答应过什么|我的还款计划|我的还款方案|我的承诺|我承诺了什么",
    re.IGNORECASE,
)


async def show_agreements(message: Message, convo: Conversation) -> None:
    if not convo.verified:
        await begin_verification(convo, pending="agreements")
        return
    await list_agreements(convo)


@resumable("agreements")
async def list_agreements(convo: Conversation) -> None:
    result = await run_action(convo, "action_agreements")
    if result is None:
        return
    changes = result.slot_changes()
    upcoming = changes.get(plan_slots.CALLBACK_UPCOMING)
    rows = manage_promise_rows(convo, list(changes.get(plan_slots.PROMISE_OPEN) or []))
    if upcoming:
        rows += manage_callback_rows(convo, str(upcoming))
    markup = InlineKeyboardMarkup(inline_keyboard=rows) if rows else main_menu(convo)
    await convo.send_responses(result.responses, markup=markup)


def build_router() -> Router:
    router = Router(name="agreements")
    router.message.register(show_agreements, SlashCommand("agreements"))
    router.message.register(show_agreements, Text(ASKED.search))
    return router
