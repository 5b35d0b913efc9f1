"""Courtesies and the truth about the bot: hello, thanks, goodbye, "are you a bot?".

By intent alone, so after every flow's open question: "morning?" while call-back times are
shown asks for morning times; it is no greeting."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import Message

from bot.conversation import Conversation
from dialogs.filters import IntentFilter
from dialogs.keyboards import human_offer, main_menu
from dialogs.verify import begin_verification


async def greet(message: Message, convo: Conversation) -> None:
    await convo.say("greet_back")
    if convo.verified:
        await convo.say("menu_prompt", markup=main_menu(convo))
    else:
        await begin_verification(convo)


async def is_bot(message: Message, convo: Conversation) -> None:
    content = convo.services.settings.content
    await convo.say("is_bot", lender=content.lender_name(convo.lang), markup=human_offer(convo))


async def thanks(message: Message, convo: Conversation) -> None:
    await convo.say("you_are_welcome")


async def goodbye(message: Message, convo: Conversation) -> None:
    await convo.say("goodbye")


async def yes_or_no_out_of_context(message: Message, convo: Conversation) -> None:
    await convo.say("menu_prompt", markup=main_menu(convo))


def build_router() -> Router:
    router = Router(name="smalltalk")
    router.message.register(greet, IntentFilter("greet"))
    router.message.register(is_bot, IntentFilter("ask_is_bot"))
    router.message.register(thanks, IntentFilter("thank"))
    router.message.register(goodbye, IntentFilter("goodbye"))
    router.message.register(yes_or_no_out_of_context, IntentFilter("affirm", "deny"))
    return router
