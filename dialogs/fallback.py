"""Last in line: what no flow handled gets a polite answer, and nothing is dropped silently.

Registered after every other router, so it never shadows a specific handler.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import human_offer, main_menu

FALLBACK_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
FALLBACKS_BEFORE_PERSON = 2


async def not_understood(message: Message, convo: Conversation) -> None:
    """Two misunderstandings in a row: offer a person instead of asking again."""
    data = await convo.state.get_data()
    count = int(data.get("fallbacks", 0)) + 1
    await convo.state.update_data(fallbacks=count)
    if count >= FALLBACKS_BEFORE_PERSON:
        await convo.say("fallback_offer_person", markup=human_offer(convo))
    else:
        await convo.say("fallback", markup=main_menu(convo))


async def not_handled_yet(message: Message, convo: Conversation) -> None:
    """An intent this version has no flow for: say so, and how to reach a person."""
    hotline = convo.services.settings.content.service_hotline
    await convo.say("not_available_yet", hotline=hotline, markup=main_menu(convo))


async def menu_not_available_yet(callback: CallbackQuery, convo: Conversation) -> None:
    await callback.answer()
    hotline = convo.services.settings.content.service_hotline
    await convo.say("not_available_yet", hotline=hotline, markup=main_menu(convo))


async def unsupported_message(message: Message, convo: Conversation) -> None:
    """Stickers, voice, photos, locations...: the bot reads text only."""
    await convo.say("unsupported_message", markup=main_menu(convo))


async def stale_button(callback: CallbackQuery, convo: Conversation) -> None:
    """A button the bot no longer knows (old, or forged data): refuse politely, change nothing."""
    await callback.answer(convo.t("button_expired"))


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.register(not_understood, F.text, IntentFilter(*FALLBACK_INTENTS))
    router.message.register(not_handled_yet, F.text)
    router.callback_query.register(menu_not_available_yet, F.data.startswith("menu:"))
    router.message.register(unsupported_message)
    router.callback_query.register(stale_button)
    return router
