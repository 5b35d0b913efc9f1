"""`repaybot actions`: the real rasa-sdk action server (its Sanic app), serving our actions."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import endpoint
from sanic import Request, response
from sanic.handlers import ErrorHandler
from sanic.response import HTTPResponse

from actions.domain.clock import SystemClock
from actions.registry import build_executor
from actions.services import ActionServices, ServicesProvider
from bot.services import build_action_services, redis_client
from bot.settings import Settings

logger = logging.getLogger(__name__)


class SettingsServicesFactory:
    """Builds the action services on first use, inside the server's event loop."""

    def __init__(self, settings: Settings, redis_url: str) -> None:
        self.settings = settings
        self.redis_url = redis_url

    async def __call__(self) -> ActionServices:
        return build_action_services(self.settings, redis_client(self.redis_url), SystemClock())


async def _opaque_error(request: Request, exception: Exception) -> HTTPResponse:
    """rasa-sdk's own handler echoes the request (a tracker full of personal data): not here."""
    logger.error("action server error: %s", type(exception).__name__)
    status = int(getattr(exception, "status_code", 500) or 500)
    return response.json({"error": "action failed"}, status=status)


def create_action_app(settings: Settings, redis_url: str) -> Any:
    provider = ServicesProvider(factory=SettingsServicesFactory(settings, redis_url))
    app = endpoint.create_app(build_executor(provider), cors_origins=[])
    # A fresh error handler in place of rasa-sdk's, which would echo the request body.
    handler = ErrorHandler()
    handler.add(Exception, _opaque_error)
    app.error_handler = handler
    return app


def serve_actions(settings: Settings, redis_url: str, host: str, port: int) -> int:
    app = create_action_app(settings, redis_url)
    app.run(host=host, port=port, single_process=True, access_log=False, motd=False)
    return 0
