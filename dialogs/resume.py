"""What a borrower asked for before verifying, carried on once they are verified.

A flow names the step to resume when it starts verification (`pending=`) and registers it
here with `@resumable(name)`; verification calls `resume` on success, with the message that
started it understood again (so "I'll pay 500 on Friday" is not asked twice).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.conversation import Conversation

Resume = Callable[[Conversation], Awaitable[None]]

_STEPS: dict[str, Resume] = {}


Step = TypeVar("Step", bound=Resume)


def resumable(name: str) -> Callable[[Step], Step]:
    def register(step: Step) -> Step:
        _STEPS[name] = step
        return step

    return register


async def resume(convo: Conversation, name: str | None, text: str | None = None) -> bool:
    """Runs the step `name` as if the borrower's original message (`text`) had just come in;
    False when there is no such step (the caller shows the menu)."""
    step = _STEPS.get(name or "")
    if step is None:
        return False
    services = convo.services
    convo.parse = await services.nlu.parse(text, services.local_now()) if text else None
    await step(convo)
    return True
