"""What do I owe: the balance for a verified borrower; anyone else is verified first."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import MenuCallback, main_menu
from dialogs.resume import resumable
from dialogs.verify import begin_verification


@resumable("balance")
async def show_balance(convo: Conversation) -> None:
    if not convo.verified:
        await begin_verification(convo, pending="balance")
        return
    await convo.act("action_balance", markup=main_menu(convo))


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
