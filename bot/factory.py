"""Factories: the Bot and the Dispatcher, built the same way in production and in tests."""

from __future__ import annotations

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import DefaultKeyBuilder

from bot import errors
from bot.fsm_storage import PrefetchingStorage
from bot.local_session import LocalSession
from bot.middlewares.conversation import ConversationMiddleware
from bot.middlewares.metrics import MetricsMiddleware
from bot.middlewares.outgoing import OutgoingRateLimit
from bot.middlewares.read_ahead import ReadAheadMiddleware
from bot.middlewares.throttle import ThrottleMiddleware
from bot.middlewares.transcript import OutgoingTranscriptMiddleware
from bot.middlewares.turn import TurnMiddleware
from bot.services import BotServices
from dialogs import agents, build_router

LOCAL_TOKEN = "42:LOCAL-CONSOLE-TOKEN"


def key_builder() -> DefaultKeyBuilder:
    return DefaultKeyBuilder(prefix="repaybot:fsm", with_bot_id=True, with_destiny=True)


def build_dispatcher(services: BotServices, *, redeliver_on_outage: bool = False) -> Dispatcher:
    """The dispatcher: Redis FSM with TTLs, per-chat isolation, middlewares, every flow.

    aiogram's FSM middleware is replaced by `TurnMiddleware`, which does its work (the chat's
    lock, state and data) in the same Redis call as the update's dedupe and the chat's snapshot.

    `redeliver_on_outage` (webhook mode): an update that met a Redis outage is answered with
    an error so Telegram delivers it again once Redis is back.
    """
    ttl = services.settings.redis.state_ttl_seconds
    storage = PrefetchingStorage(
        services.redis, key_builder=key_builder(), state_ttl=ttl, data_ttl=ttl
    )
    dispatcher = Dispatcher(storage=storage, disable_fsm=True, services=services)
    # First: the message's parse runs while the turn's opening call waits for Redis.
    dispatcher.update.outer_middleware(ReadAheadMiddleware(services))
    dispatcher.update.outer_middleware(TurnMiddleware(storage, services))
    dispatcher.update.outer_middleware(MetricsMiddleware(services.metrics))
    dispatcher.update.outer_middleware(ConversationMiddleware(services))
    limits = services.settings.limits
    dispatcher.update.outer_middleware(
        ThrottleMiddleware(
            services.redis,
            limit=limits.messages_per_window,
            notice_seconds=limits.notice_seconds,
        )
    )
    dispatcher.include_router(build_router())
    dispatcher.include_router(agents.build_router(services.settings.agents.agents_chat_id))
    # Last: it handles only errors, and every update that reaches a router pays for passing it.
    dispatcher.include_router(errors.build_router(services, redeliver=redeliver_on_outage))
    return dispatcher


def build_bot(services: BotServices, session: BaseSession | None = None) -> Bot:
    """A Bot for Telegram (or the Bot API server at TELEGRAM_API_URL, or a local session)."""
    telegram = services.settings.telegram
    if session is None and telegram.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(telegram.telegram_api_url))
    token = telegram.bot_token.get_secret_value() if telegram.bot_token else LOCAL_TOKEN
    bot = Bot(token=token, session=session, default=DefaultBotProperties(parse_mode=None))
    bot.session.middleware(
        OutgoingTranscriptMiddleware(services.transcripts, services.redis_outage)
    )
    if not isinstance(bot.session, LocalSession):  # the limits are Telegram's
        bot.session.middleware(OutgoingRateLimit(services.redis))
    return bot
