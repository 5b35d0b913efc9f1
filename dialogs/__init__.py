"""Conversation flows: one aiogram Router per flow, collected in routing order."""

from __future__ import annotations

from aiogram import Router
from aiogram.dispatcher.event.handler import HandlerObject

from dialogs import (
    agreements,
    balance,
    callback,
    channels,
    fallback,
    follow_up,
    handoff,
    hardship,
    language,
    optout,
    promise,
    promise_manage,
    questions,
    relay,
    smalltalk,
    start,
    verify,
)
from dialogs.checks import checked_directly
from dialogs.filters import IntentFilter, PrivateChat

# Order matters: a conversation with a person first (the bot stays out of it), then commands,
# escalations (they win over any flow); then each flow's commands, buttons, explicit wordings
# and answers to its open question; then what the flows take by intent alone; fallback last.
FIRST = (relay, start, handoff)
FLOWS = (
    smalltalk,  # its "wait, let me think" leaves any flow's question open
    verify,
    language,
    follow_up,  # a change right after an agreement ("改到下周一") is to it, not a new plan
    promise_manage,  # before agreements: "取消我的承诺" is not "我的承诺"
    agreements,
    questions,  # receipts, "到账了吗", "提前还款", "会影响征信吗": before promise and hardship
    hardship,
    promise,
    callback,
    balance,
    channels,
    optout,
)
LAST = (fallback,)


def build_router() -> Router:
    """A fresh router for the borrowers' private chats (one per dispatcher).

    Each flow builds its own Router; this one takes their handlers in routing order: those of
    `FIRST`; then every flow's handlers but those that go by intent alone, in `FLOWS` order;
    then those, in the same order; then `LAST`. An intent is the NLU's reading, the least
    certain thing known about a message: it does not take a message that answers another
    flow's open question (a time typed for a call back, "tomorrow 10am", is not a promise to
    pay), nor one a flow knows by its wording."""
    router = Router(name="borrower")
    router.message.filter(PrivateChat())
    router.callback_query.filter(PrivateChat())
    for first in FIRST:
        take_handlers(router, first.build_router())
    flows = [flow.build_router() for flow in FLOWS]
    for flow in flows:
        take_handlers(router, flow, by_intent=False)
    for flow in flows:
        take_handlers(router, flow, by_intent=True)
    for last in LAST:
        take_handlers(router, last.build_router())
    return router


def goes_by_intent(handler: HandlerObject) -> bool:
    """Whether a handler takes a message by its intent alone (its only filters: intents)."""
    checks = handler.filters or ()
    return bool(checks) and all(isinstance(check.callback, IntentFilter) for check in checks)


def take_handlers(router: Router, flow: Router, *, by_intent: bool | None = None) -> None:
    """Appends a flow router's handlers to `router`'s, event type by event type, in order:
    all of them, or only those that go by intent alone (`by_intent=True`), or only the others.

    Not `include_router`: aiogram passes an update through included routers one at a time,
    and each router costs a round of middleware wrapping and checks. With the flows included,
    a message passed seven routers on average, about 0.4 ms of an update's 4 (`make bench`).
    Taken this way a flow's handlers keep their order, and `SkipHandler` still passes an
    update on to the next one. Each handler's filters are then awaited in place
    (`dialogs.checks`).

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
            checked_directly(handler)
            for handler in observer.handlers
            if by_intent is None or goes_by_intent(handler) == by_intent
        )
