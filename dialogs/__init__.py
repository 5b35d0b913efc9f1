"""Conversation flows: one aiogram Router per flow, collected in routing order."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.enums import ChatType
from aiogram.filters import StateFilter

from dialogs import (
    agreements,
    balance,
    callback,
    channels,
    fallback,
    handoff,
    hardship,
    language,
    optout,
    promise,
    relay,
    smalltalk,
    start,
    verify,
)
from dialogs.filters import Magic

# Order matters: a conversation with a person first (the bot stays out of it), then commands,
# escalations (they win over any flow); then the answer to whichever flow's question is open,
# then what starts a flow, in `FLOWS` order; fallback last.
FIRST = (relay, start, handoff)
FLOWS = (
    verify,
    language,
    agreements,
    hardship,
    promise,
    callback,
    balance,
    channels,
    optout,
    smalltalk,
    fallback,
)


def build_router() -> Router:
    """A fresh router for the borrowers' private chats (one per dispatcher).

    Each flow builds its own Router; this one takes their handlers in routing order: those of
    `FIRST`, then each flow's answers to its open question (its handlers bound to a state),
    then the rest of each flow's. A flow's answer thus comes before another flow's way in: a
    time typed for a call back ("tomorrow 10am") is not taken as a promise to pay."""
    router = Router(name="borrower")
    router.message.filter(Magic(F.chat.type == ChatType.PRIVATE))
    router.callback_query.filter(Magic(F.message.chat.type == ChatType.PRIVATE))
    for first in FIRST:
        take_handlers(router, first.build_router())
    flows = [flow.build_router() for flow in FLOWS]
    for flow in flows:
        take_handlers(router, flow, answers=True)
    for flow in flows:
        take_handlers(router, flow, answers=False)
    return router


def is_answer(handler: HandlerObject) -> bool:
    """Whether a handler answers a flow's open question: one of its filters is a state."""
    return any(isinstance(check.callback, StateFilter) for check in handler.filters or ())


def take_handlers(router: Router, flow: Router, *, answers: bool | None = None) -> None:
    """Appends a flow router's handlers to `router`'s, event type by event type, in order:
    all of them, or only the answers (`answers=True`) or only the others (`answers=False`).

    Not `include_router`: aiogram passes an update through included routers one at a time,
    and each router costs a round of middleware wrapping and checks. With the flows included,
    a message passed seven routers on average, about 0.4 ms of an update's 4 (`make bench`).
    Taken this way a flow's handlers keep their order, and `SkipHandler` still passes an
    update on to the next one.

    A flow router must be only its handlers: its own filters, middlewares or sub-routers would
    not come along, so a router with any is refused."""
    if flow.sub_routers:
        raise ValueError(f"flow router {flow.name!r} includes other routers")
    for name, observer in flow.observers.items():
        # aiogram keeps an observer's own filters on `_handler`; it has no public reader.
        if observer._handler.filters or observer.middleware or observer.outer_middleware:
            raise ValueError(f"flow router {flow.name!r} has its own {name} filters or middlewares")
    for name, observer in flow.observers.items():
        router.observers[name].handlers.extend(
            handler
            for handler in observer.handlers
            if answers is None or is_answer(handler) == answers
        )
