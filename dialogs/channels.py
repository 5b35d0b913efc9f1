"""How to pay: the channels, with the borrower's own reference once verified."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import MenuCallback, main_menu

# The repayment reference asked for ("我的还款参考号是多少"): how to pay shows it, once verified.
REFERENCE = re.compile(
    r"参考号|还款编号|还款码|\b(?:repayment|payment) (?:reference|ref|code)\b", re.IGNORECASE
)


async def show_channels(convo: Conversation) -> None:
    await convo.act("action_channels", markup=main_menu(convo))


async def channels_asked(message: Message, convo: Conversation) -> None:
    await show_channels(convo)


async def channels_pressed(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    await show_channels(convo)


def build_router() -> Router:
    router = Router(name="channels")
    router.message.register(channels_asked, IntentFilter("repayment_channels"))
    router.callback_query.register(channels_pressed, MenuCallback.filter(F.item == "channels"))
    return router
