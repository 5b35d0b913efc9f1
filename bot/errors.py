"""When Redis is unreachable: a polite "temporarily unavailable" in the borrower's language."""

from __future__ import annotations

import time

from aiogram import Bot, Router
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent

from bot.i18n import Catalog, telegram_language
from bot.outage import REDIS_DOWN, OutageLog
from bot.services import BotServices

APOLOGY_INTERVAL_SECONDS = 120.0


class ServiceUnavailableError(Exception):
    """Raised (in webhook mode) so the update is answered 503 and Telegram delivers it again."""


class RedisOutageHandler:
    """Apologises at most once per chat every two minutes; this process only (no Redis!)."""

    def __init__(
        self, catalog: Catalog, default_lang: str, outage: OutageLog, redeliver: bool
    ) -> None:
        self.catalog = catalog
        self.default_lang = default_lang
        self.redeliver = redeliver
        self.log = outage
        self._apologised: dict[int, float] = {}

    async def handle(self, event: ErrorEvent, bot: Bot) -> bool:
        self.log.failed(event.exception)
        update = event.update
        message = update.message or (
            update.callback_query.message if update.callback_query else None
        )
        user = (
            update.message.from_user
            if update.message
            else (update.callback_query.from_user if update.callback_query else None)
        )
        if message is not None and message.chat.type == "private" and self._due(message.chat.id):
            lang = telegram_language(user.language_code if user else None) or self.default_lang
            text = self.catalog.text(lang, "error_unavailable")
            await bot.send_message(message.chat.id, text)
        if self.redeliver:
            raise ServiceUnavailableError from event.exception
        return True

    def _due(self, chat_id: int) -> bool:
        now = time.monotonic()
        if (
            now - self._apologised.get(chat_id, -APOLOGY_INTERVAL_SECONDS)
            < APOLOGY_INTERVAL_SECONDS
        ):
            return False
        self._apologised[chat_id] = now
        if len(self._apologised) > 10_000:
            self._apologised.clear()
        return True


def build_router(services: BotServices, *, redeliver: bool) -> Router:
    router = Router(name="errors")
    default_lang = services.settings.content.default_language
    handler = RedisOutageHandler(services.catalog, default_lang, services.redis_outage, redeliver)
    router.errors.register(
        handler.handle,
        ExceptionTypeFilter(*REDIS_DOWN),
    )
    return router
