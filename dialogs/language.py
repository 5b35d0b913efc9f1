"""/lang: the borrower chooses the language the bot answers in."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from bot.i18n import LANGUAGES
from dialogs.filters import SlashCommand
from dialogs.keyboards import LangCallback, language_menu, main_menu


async def choose_language(message: Message, convo: Conversation) -> None:
    await convo.say("lang_choose", markup=language_menu())


async def language_chosen(
    callback: CallbackQuery, callback_data: LangCallback, convo: Conversation
) -> None:
    if callback_data.code not in LANGUAGES:
        await callback.answer(convo.t("button_expired"), show_alert=False)
        return
    await callback.answer()
    await convo.services.domain.preferences.set_language(convo.user_id, callback_data.code)
    convo.lang = callback_data.code
    await convo.say("lang_set", markup=main_menu(convo))


def build_router() -> Router:
    router = Router(name="language")
    router.message.register(choose_language, SlashCommand("lang"))
    router.callback_query.register(language_chosen, LangCallback.filter())
    return router
