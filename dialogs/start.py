"""/start, /help and /menu: who the bot is, and what it can do. A plea for help and nothing
more ("帮帮我", "can you help me") gets the same answer as /help."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.types import Message

from bot.conversation import Conversation
from dialogs.filters import SlashCommand, SlashCommandStart
from dialogs.keyboards import main_menu
from dialogs.verify import begin_verification


async def start(message: Message, convo: Conversation) -> None:
    await convo.state.clear()
    await convo.say("welcome", lender=convo.lender)
    if convo.verified:
        await convo.say("menu_prompt", markup=main_menu(convo))
    else:
        await begin_verification(convo)


HELP_PLEA = re.compile(
    r"^\W*(?:请|求求你)?(?:帮帮我|帮我一下|帮帮忙|(?:能|可以)帮帮?我吗|求助|help)\W*$|"
    r"^\W*(?:please\s+)?(?:(?:can|could|would|will) you\s+)?help(?:\s+me)?"
    r"(?:\s+(?:please|pls|out))?\W*$",
    re.IGNORECASE,
)


async def show_help(convo: Conversation) -> None:
    await convo.say("help", markup=main_menu(convo))


async def help_command(message: Message, convo: Conversation) -> None:
    await show_help(convo)


async def menu_command(message: Message, convo: Conversation) -> None:
    await convo.say("menu_prompt", markup=main_menu(convo))


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(start, SlashCommandStart())
    router.message.register(help_command, SlashCommand("help"))
    router.message.register(menu_command, SlashCommand("menu"))
    return router
