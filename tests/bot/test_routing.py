"""The borrower router holds every flow's handlers in routing order, one router deep."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiogram import BaseMiddleware, Dispatcher, F, Router

from dialogs import FIRST, FLOWS, build_router, is_answer, take_handlers
from dialogs.filters import Magic
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


def _callbacks(router: Router, event: str) -> list[Callable[..., Any]]:
    return [handler.callback for handler in router.observers[event].handlers]


@pytest.mark.parametrize("event", ["message", "callback_query"])
def test_every_flow_handler_is_taken_in_routing_order(event: str) -> None:
    first = [callback for flow in FIRST for callback in _callbacks(flow.build_router(), event)]
    answers = [
        handler.callback
        for flow in FLOWS
        for handler in flow.build_router().observers[event].handlers
        if is_answer(handler)
    ]
    others = [
        handler.callback
        for flow in FLOWS
        for handler in flow.build_router().observers[event].handlers
        if not is_answer(handler)
    ]
    router = build_router()
    assert _callbacks(router, event) == first + answers + others
    assert router.sub_routers == []


def test_the_answers_are_the_handlers_of_open_questions() -> None:
    names = [handler.callback.__qualname__ for handler in build_router().message.handlers]
    answers = [h.callback.__qualname__ for h in build_router().message.handlers if is_answer(h)]
    assert answers == [
        "phone_not_shared",
        "id_digits",
        "id_digits_malformed",
        "choice_typed",
        "confirm_typed",
        "amount_typed",
        "date_typed",
        "confirm_typed",
        "time_typed",
    ]
    # After the escalations, before any flow's way in.
    assert names.index("phone_not_shared") > names.index("escalation_said")
    assert names.index("time_typed") < names.index("promise_asked")


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
