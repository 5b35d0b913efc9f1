"""`repaybot run --webhook`: Telegram posts updates; each is answered only once handled.

Stateless workers: any number of them, on one or several machines, share one Redis.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import signal
from collections.abc import Awaitable, Callable

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiogram.webhook.security import DEFAULT_TELEGRAM_NETWORKS, IPFilter
from aiohttp import web

from bot.agents.outbox import Outbox, delivering
from bot.errors import ServiceUnavailableError
from bot.factory import build_bot, build_dispatcher
from bot.middlewares.turn import UpdateInProgressError
from bot.ops.app import mount_ops
from bot.ops.embedded import ops_app_for
from bot.services import build_services
from bot.settings import Settings, WebhookSettings
from bot.startup import ready

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def client_ip(request: web.Request, trusted_proxies: list[str]) -> str | None:
    """The caller's address; X-Forwarded-For counts only when the peer is a trusted proxy."""
    peer = request.remote
    if peer is None:
        return None
    if not trusted_proxies or not _in_any(peer, trusted_proxies):
        return peer
    hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
    # The right-most address that is not one of our proxies is the real client.
    for hop in reversed(hops):
        if not _in_any(hop, trusted_proxies):
            return hop
    return peer


def _in_any(address: str, networks: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in networks)


def ip_filter_middleware(settings: WebhookSettings) -> Callable[..., Awaitable[web.StreamResponse]]:
    allowed = IPFilter(DEFAULT_TELEGRAM_NETWORKS)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == settings.path:
            ip = client_ip(request, settings.trusted_proxies)
            if ip is None or ip not in allowed:
                logger.warning("webhook call refused from a non-Telegram address")
                raise web.HTTPUnauthorized()
        return await handler(request)

    return middleware


def concurrency_middleware(limit: int, path: str) -> Callable[..., Awaitable[web.StreamResponse]]:
    """At most `limit` updates handled at once in this worker; the rest wait their turn."""
    slots = asyncio.Semaphore(limit)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path != path:
            return await handler(request)
        async with slots:
            return await handler(request)

    return middleware


class AcknowledgingRequestHandler(SimpleRequestHandler):
    """Answers 200 only once the update was handled; 503 during a Redis outage (redelivery)."""

    async def close(self) -> None:
        """Not on the app's shutdown: `run_webhook` closes the session after in-flight updates."""
        return None

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        update = await request.json(loads=bot.session.json_loads)
        try:
            await self.dispatcher.feed_update(
                bot, Update.model_validate(update, context={"bot": bot})
            )
        except (ServiceUnavailableError, UpdateInProgressError):
            return web.Response(status=503, text="temporarily unavailable")
        return web.json_response({})


def build_webhook_app(
    dispatcher: Dispatcher, bot: Bot, settings: WebhookSettings
) -> web.Application:
    if settings.secret is None:
        raise ValueError("WEBHOOK_SECRET is required in webhook mode")
    middlewares = [concurrency_middleware(settings.max_concurrent_updates, settings.path)]
    if settings.ip_filter:
        middlewares.insert(0, ip_filter_middleware(settings))
    app = web.Application(middlewares=middlewares)
    AcknowledgingRequestHandler(
        dispatcher=dispatcher,
        bot=bot,
        secret_token=settings.secret.get_secret_value(),
        handle_in_background=False,  # acknowledge only after handling: a crash means redelivery
    ).register(app, path=settings.path)

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app.router.add_get("/healthz", health)

    async def on_startup(_: web.Application) -> None:
        if settings.set_webhook and settings.url:
            await bot.set_webhook(
                settings.url.rstrip("/") + settings.path,
                secret_token=settings.secret.get_secret_value() if settings.secret else None,
                allowed_updates=dispatcher.resolve_used_update_types(),
                drop_pending_updates=False,
            )

    app.on_startup.append(on_startup)
    return app


async def run_webhook(settings: Settings, redis_url: str) -> int:
    """Serves webhooks until SIGTERM/SIGINT, then finishes the updates in flight and stops."""
    if settings.telegram.bot_token is None:
        logger.error("BOT_TOKEN is not set (environment or .env)")
        return 2
    if settings.webhook.secret is None:
        logger.error("WEBHOOK_SECRET is not set: webhook mode needs it")
        return 2
    services = build_services(settings, redis_url)
    dispatcher = build_dispatcher(services, redeliver_on_outage=True)
    bot = build_bot(services)
    app = build_webhook_app(dispatcher, bot, settings.webhook)
    ops = ops_app_for(services)
    if ops is not None:
        mount_ops(app, ops, "/ops/")
    ready(services)

    async def deliver(chat_id: int, text: str) -> None:
        await bot.send_message(chat_id, text)

    runner = web.AppRunner(app, shutdown_timeout=30)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook.host, settings.webhook.port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with delivering(Outbox(services.redis), deliver, outage=services.redis_outage):
            await site.start()
            logger.info(
                "webhook worker on %s:%s%s",
                settings.webhook.host,
                settings.webhook.port,
                settings.webhook.path,
            )
            await stop.wait()
    finally:
        # Stops accepting, lets in-flight updates finish (up to the shutdown timeout).
        await runner.cleanup()
        await bot.session.close()
        await services.close()
    return 0
