"""The borrower router holds every flow's handlers in routing order, one router deep."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from aiogram import BaseMiddleware, Dispatcher, F, Router

from dialogs import FIRST, FLOWS, LAST, build_router, goes_by_intent, take_handlers
from dialogs.filters import Magic
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


def _callbacks(router: Router, event: str) -> list[Callable[..., Any]]:
    return [handler.callback for handler in router.observers[event].handlers]


@pytest.mark.parametrize("event", ["message", "callback_query"])
def test_every_flow_handler_is_taken_in_routing_order(event: str) -> None:
    def taken(flows: tuple[ModuleType, ...], by_intent: bool | None = None) -> list[Any]:
        return [
            handler.callback
            for flow in flows
            for handler in flow.build_router().observers[event].handlers
            if by_intent is None or goes_by_intent(handler) == by_intent
        ]

    router = build_router()
    assert _callbacks(router, event) == (
        taken(FIRST) + taken(FLOWS, by_intent=False) + taken(FLOWS, by_intent=True) + taken(LAST)
    )
    assert router.sub_routers == []


def test_an_intent_comes_after_every_open_question_and_wording() -> None:
    names = [handler.callback.__name__ for handler in build_router().message.handlers]
    # Escalations first; then the answers and the flows' wordings; then the intents.
    assert names.index("escalation_said") < names.index("phone_not_shared")
    last_answer = names.index("time_typed")  # the call back's slot choice, the last flow's
    for by_intent in ("promise_asked", "callback_asked", "balance_asked", "greet", "thanks"):
        assert names.index(by_intent) > last_answer
    assert names.index("show_agreements") < names.index("answer_typed")
    assert names[-2:] == ["not_understood", "unsupported_message"]


class _Passing(BaseMiddleware):
    async def __call__(self, handler: Any, event: Any, data: dict[str, Any]) -> Any:
        return await handler(event, data)


def _filtered() -> Router:
    router = Router(name="filtered")
    router.message.filter(Magic(F.text))
    return router


def _with_middleware() -> Router:
    router = Router(name="with_middleware")
    router.callback_query.middleware(_Passing())
    return router


def _with_child() -> Router:
    router = Router(name="with_child")
    router.include_router(Router(name="child"))
    return router


@pytest.mark.parametrize("build", [_filtered, _with_middleware, _with_child])
def test_a_flow_router_with_more_than_handlers_is_refused(build: Callable[[], Router]) -> None:
    with pytest.raises(ValueError, match="flow router"):
        take_handlers(Router(name="borrower"), build())


async def test_a_question_and_a_flow_answer_each_pass_two_routers(
    chat: ChatDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.verify(*D1001)
    passed: list[str | None] = []
    original = Router.propagate_event

    async def recording(self: Router, update_type: str, event: Any, **kwargs: Any) -> Any:
        passed.append("dispatcher" if isinstance(self, Dispatcher) else self.name)
        return await original(self, update_type, event, **kwargs)

    monkeypatch.setattr(Router, "propagate_event", recording)
    assert "当前逾期应还：¥2,240.00" in joined(await chat.send("我还欠多少钱"))
    assert "您打算还多少？" in joined(await chat.send("周五还"))
    assert "之前还款 ¥500.00，对吗？" in joined(await chat.send("500"))
    # Before, each passed every flow's router up to its own: balance was the tenth.
    assert passed == ["dispatcher", "borrower"] * 3
