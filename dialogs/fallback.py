"""Last in line: what no flow handled gets a polite answer, and nothing is dropped silently.

Registered after every other router, so it never shadows a specific handler.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.conversation import Conversation
from dialogs.filters import Text
from dialogs.keyboards import human_offer, main_menu

FALLBACKS_BEFORE_PERSON = 2


def misunderstood_in_a_row(data: dict[str, object], turn: int) -> int:
    """How many turns in a row, up to `turn`, the bot has not understood."""
    if data.get("fallback_turn") != turn:
        return 0
    return int(str(data.get("fallbacks", 0)))


async def not_understood(message: Message, convo: Conversation) -> None:
    """Two misunderstandings in a row: offer a person instead of asking again."""
    data = await convo.state.get_data()
    count = misunderstood_in_a_row(data, convo.turn - 1) + 1
    await convo.state.update_data(fallbacks=count, fallback_turn=convo.turn)
    if count >= FALLBACKS_BEFORE_PERSON:
        await convo.say("fallback_offer_person", markup=human_offer(convo))
    else:
        await convo.say("fallback", markup=main_menu(convo))


async def unsupported_message(message: Message, convo: Conversation) -> None:
    """Stickers, voice, photos, locations...: the bot reads text only."""
    await convo.say("unsupported_message", markup=main_menu(convo))


async def stale_button(callback: CallbackQuery, convo: Conversation) -> None:
    """A button the bot no longer knows (old, or forged data): refuse politely, change nothing."""
    await callback.answer(convo.t("button_expired"))


def build_router() -> Router:
    router = Router(name="fallback")
    # Fallback intents, and any other text no flow took (an intent a state handler passed
    # on): the same polite answer, and after two in a row the offer of a person.
    router.message.register(not_understood, Text())
    router.message.register(unsupported_message)
    router.callback_query.register(stale_button)
    return router
