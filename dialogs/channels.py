"""How to pay: the channels, with the borrower's own reference once verified."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import MenuCallback, main_menu


async def channels_asked(message: Message, convo: Conversation) -> None:
    await convo.act("action_channels", markup=main_menu(convo))


async def channels_pressed(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    await convo.act("action_channels", markup=main_menu(convo))


def build_router() -> Router:
    router = Router(name="channels")
    router.message.register(channels_asked, IntentFilter("repayment_channels"))
    router.callback_query.register(channels_pressed, MenuCallback.filter(F.item == "channels"))
    return router
