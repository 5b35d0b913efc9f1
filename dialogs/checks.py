"""Handler checks that await each filter directly.

aiogram checks a handler's filters one by one through `FilterObject.call`, which builds a
`functools.partial` and a coroutine of its own around each filter before awaiting it. A
borrower's message passes some two dozen filters on its way to its flow, so that wrapping was
about a twentieth of the bot's CPU per update (`make bench`, profiled). `DirectChecks` awaits a
filter with the same arguments aiogram would pass it, and stops at the first that refuses, as
aiogram does; a filter aiogram would run in a worker thread still goes through `call`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.dispatcher.event.handler import HandlerObject


@dataclass
class DirectChecks(HandlerObject):
    """A handler whose filters are awaited in place."""

    async def check(self, *args: Any, **kwargs: Any) -> tuple[bool, dict[str, Any]]:
        for event_filter in self.filters or ():
            if event_filter.awaitable:
                passed = await event_filter.callback(*args, **event_filter._prepare_kwargs(kwargs))
            else:
                passed = await event_filter.call(*args, **kwargs)
            if not passed:
                return False, kwargs
            if isinstance(passed, dict):
                kwargs.update(passed)
        return True, kwargs


def checked_directly(handler: HandlerObject) -> DirectChecks:
    """`handler` (its callback, filters and flags) with its filters awaited in place."""
    return DirectChecks(
        callback=handler.callback, filters=handler.filters, flags=dict(handler.flags)
    )
