"""The ops page inside `repaybot run`: mounted on the webhook server, or served beside polling."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from bot.ops.app import build_ops_app
from bot.services import BotServices

logger = logging.getLogger(__name__)


def ops_app_for(services: BotServices) -> web.Application | None:
    """The ops app on the bot's own services; None (and a log line) without OPS_TOKEN."""
    ops = services.settings.ops
    if ops.token is None:
        logger.warning("OPS_TOKEN is not set: the ops page and /metrics are off in this process")
        return None
    domain = services.domain
    return build_ops_app(
        tickets=domain.tickets,
        transcripts=services.transcripts,
        stats=domain.stats,
        metrics=services.metrics,
        clock=services.clock,
        token=ops.token.get_secret_value(),
        ledger=domain.ledger,
        preferences=domain.preferences,
    )


@contextlib.asynccontextmanager
async def serving_ops(services: BotServices) -> AsyncIterator[None]:
    """Serves the ops page on OPS_HOST:OPS_PORT for the duration of the block (polling mode)."""
    app = ops_app_for(services)
    if app is None:
        yield
        return
    runner = web.AppRunner(app)
    await runner.setup()
    settings = services.settings.ops
    await web.TCPSite(runner, settings.host, settings.port).start()
    logger.info("ops page on http://%s:%s/", settings.host, settings.port)
    try:
        yield
    finally:
        await runner.cleanup()
