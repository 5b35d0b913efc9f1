"""What do I owe: the balance for a verified borrower; anyone else is verified first."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import MenuCallback, main_menu
from dialogs.verify import verified_step

show_balance = verified_step("balance", "action_balance", main_menu)


async def balance_asked(message: Message, convo: Conversation) -> None:
    await show_balance(convo)


async def balance_pressed(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    await show_balance(convo)


def build_router() -> Router:
    router = Router(name="balance")
    router.message.register(balance_asked, IntentFilter("check_balance"))
    router.callback_query.register(balance_pressed, MenuCallback.filter(F.item == "balance"))
    return router
