"""Counts every update by type, times its handling, and counts the intent it was read as."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError

from bot.metrics import Metrics


class MetricsMiddleware(BaseMiddleware):
    """Outer middleware for `dp.update`: counts updates and intents, times the handling.

    Register it before the middleware that builds `convo`, so the intent is read after it ran.
    """

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        started = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            self._metrics.count_update(_update_type(event), time.perf_counter() - started)
            intent = getattr(data.get("convo"), "intent", None)
            if isinstance(intent, str):
                self._metrics.count_intent(intent)


def _update_type(event: TelegramObject) -> str:
    if not isinstance(event, Update):
        return type(event).__name__
    try:
        return event.event_type
    except UpdateTypeLookupError:
        return "unknown"
