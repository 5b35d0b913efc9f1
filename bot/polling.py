"""`repaybot run`: the bot on Telegram (or a Bot API stand-in), long polling."""

from __future__ import annotations

import logging

from bot.agents.outbox import Outbox, delivering
from bot.factory import build_bot, build_dispatcher
from bot.ops.embedded import serving_ops
from bot.services import build_services
from bot.settings import Settings
from bot.startup import ready

logger = logging.getLogger(__name__)


async def run_polling(settings: Settings, redis_url: str) -> int:
    if settings.telegram.bot_token is None:
        logger.error("BOT_TOKEN is not set (environment or .env)")
        return 2
    services = build_services(settings, redis_url)
    dispatcher = build_dispatcher(services)
    bot = build_bot(services)
    ready(services)

    async def deliver(chat_id: int, text: str) -> None:
        await bot.send_message(chat_id, text)

    try:
        # Agents working from the terminal console write to the outbox; this sends it.
        async with (
            serving_ops(services),
            delivering(Outbox(services.redis), deliver, outage=services.redis_outage),
        ):
            await dispatcher.start_polling(bot, handle_signals=True, close_bot_session=True)
    finally:
        await services.close()
    return 0
