"""`repaybot chat`: the same dispatcher, flows and actions as on Telegram, in a terminal.

Replies are printed; keyboards become numbered options, picked by number or label; at the
"share your phone" step, typing a number stands for Telegram's contact button.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from typing import Any, TextIO

from aiogram import Dispatcher
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update

from actions.domain.phones import looks_like_phone
from bot.agents.outbox import Outbox, delivering
from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.services import BotServices, build_services
from bot.settings import Settings
from bot.updates import UpdateFactory

DEFAULT_USER_ID = 10001


@dataclass(frozen=True)
class Option:
    label: str
    callback_data: str | None  # None: a reply-keyboard button that sends its label


class ConsoleSession(LocalSession):
    """Prints what the bot sends and remembers the options it offered."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self._out = out
        self.options: list[Option] = []
        self.wants_contact = False

    def on_request(self, method: TelegramMethod[Any]) -> None:
        if isinstance(method, SendMessage):
            self._print_message(method)
        elif isinstance(method, AnswerCallbackQuery) and method.text:
            self._out.write(f"bot> ({method.text})\n")
        self._out.flush()

    def _print_message(self, method: SendMessage) -> None:
        lines = method.text.splitlines() or [""]
        self._out.write("bot> " + "\n     ".join(lines) + "\n")
        markup = method.reply_markup
        if isinstance(markup, InlineKeyboardMarkup):
            self.options = [
                Option(b.text, b.callback_data) for row in markup.inline_keyboard for b in row
            ]
        elif isinstance(markup, ReplyKeyboardMarkup):
            self.options = []
            for row in markup.keyboard:
                for button in row:
                    if button.request_contact:
                        self.wants_contact = True
                        self._out.write(f"     [{button.text}: type your phone number]\n")
                    else:
                        self.options.append(Option(button.text, None))
        elif isinstance(markup, ReplyKeyboardRemove):
            self.wants_contact = False
        for number, option in enumerate(self.options if markup else [], 1):
            self._out.write(f"     {number}) {option.label}\n")

    def pick(self, line: str) -> Option | None:
        if line.isdigit() and 1 <= int(line) <= len(self.options):
            return self.options[int(line) - 1]
        folded = line.casefold()
        return next((o for o in self.options if o.label.casefold() == folded), None)


class ConsoleChat:
    """Turns typed lines into the Updates Telegram would send, and feeds the dispatcher."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        services: BotServices,
        session: ConsoleSession,
        updates: UpdateFactory,
    ) -> None:
        self.dispatcher = dispatcher
        self.services = services
        self.session = session
        self.updates = updates
        self.bot = build_bot(services, session=session)

    def update_for(self, line: str) -> Update:
        option = self.session.pick(line)
        if option is not None:
            if option.callback_data is not None:
                return self.updates.press(option.callback_data)
            return self.updates.text(option.label)
        if self.session.wants_contact and looks_like_phone(line):
            return self.updates.contact(line)
        return self.updates.text(line)

    async def say(self, line: str) -> None:
        await self.dispatcher.feed_update(self.bot, self.update_for(line))

    async def reset(self) -> None:
        """Forgets this user: binding, chosen language, conversation state."""
        user_id = self.updates.user.id
        domain = self.services.domain
        await domain.identity.unbind(user_id)
        await self.services.redis.delete(f"repaybot:prefs:{user_id}")
        key = StorageKey(bot_id=self.bot.id, chat_id=user_id, user_id=user_id)
        await self.dispatcher.storage.set_state(key, None)
        await self.dispatcher.storage.set_data(key, {})


async def _read_line(stdin: TextIO, interactive: bool) -> str | None:
    if interactive:
        try:
            return await asyncio.to_thread(input, "you> ")
        except EOFError:
            return None
    line = await asyncio.to_thread(stdin.readline)
    return line if line else None


async def run_console(
    settings: Settings,
    redis_url: str,
    *,
    user_id: int = DEFAULT_USER_ID,
    lang: str | None = None,
    reset: bool = False,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> int:
    services = build_services(settings, redis_url)
    session = ConsoleSession(stdout)
    chat = ConsoleChat(
        build_dispatcher(services),
        services,
        session,
        UpdateFactory(user_id, language_code=lang or settings.content.default_language),
    )
    interactive = stdin.isatty()

    async def deliver(chat_id: int, text: str) -> None:
        await chat.bot.send_message(chat_id, text)

    outbox = Outbox(services.redis)
    try:
        # What waited for the borrower (an agent's replies) comes first, then live deliveries.
        await outbox.drain(user_id, deliver)
        async with delivering(outbox, deliver, chat_id=user_id):
            await _converse(chat, services, stdin, stdout, interactive, lang=lang, reset=reset)
    finally:
        await chat.bot.session.close()
        await services.close()
    return 0


async def _converse(
    chat: ConsoleChat,
    services: BotServices,
    stdin: TextIO,
    stdout: TextIO,
    interactive: bool,
    *,
    lang: str | None,
    reset: bool,
) -> None:
    user_id = chat.updates.user.id
    if reset:
        await chat.reset()
    if lang:
        await services.domain.preferences.set_language(user_id, lang)
    if interactive:
        stdout.write("Terminal chat with the repayment bot. /quit or Ctrl-D to leave.\n")
    await chat.say("/start")
    while (raw := await _read_line(stdin, interactive)) is not None:
        line = raw.strip()
        if not line:
            continue
        if line in {"/quit", "/exit"}:
            break
        if not interactive:
            stdout.write(f"you> {line}\n")
        await chat.say(line)
