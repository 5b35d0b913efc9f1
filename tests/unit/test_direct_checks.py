"""Handlers checked directly decide as aiogram's own handlers do, filter by filter."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.filters import Filter

from dialogs import build_router
from dialogs.checks import DirectChecks, checked_directly


class _Recording(Filter):
    """Answers `answer` and records the arguments it was given."""

    def __init__(self, answer: bool | dict[str, Any], calls: list[dict[str, Any]]) -> None:
        self.answer = answer
        self.calls = calls

    async def __call__(self, event: str, convo: str | None = None) -> bool | dict[str, Any]:
        self.calls.append({"event": event, "convo": convo})
        return self.answer


async def _handler(event: str) -> None:
    return None


def _pair(*filters: Any) -> tuple[HandlerObject, DirectChecks]:
    handler = HandlerObject(_handler, filters=[FilterObject(f) for f in filters])
    return handler, checked_directly(handler)


async def test_a_filter_gets_only_the_arguments_it_takes_and_its_dict_reaches_the_handler() -> None:
    calls: list[dict[str, Any]] = []
    aiogram, direct = _pair(_Recording({"answer": 42}, calls), _Recording(True, calls))
    for handler in (aiogram, direct):
        assert await handler.check("hello", convo="c", bot="b") == (
            True,
            {"convo": "c", "bot": "b", "answer": 42},
        )
    assert calls == [{"event": "hello", "convo": "c"}] * 4


async def test_the_first_filter_that_refuses_ends_the_check() -> None:
    calls: list[dict[str, Any]] = []
    aiogram, direct = _pair(_Recording(False, calls), _Recording(True, calls))
    assert await aiogram.check("hello") == (False, {})
    assert await direct.check("hello") == (False, {})
    assert len(calls) == 2  # the second filter was never asked, either way


async def test_a_filter_aiogram_runs_in_a_thread_still_decides() -> None:
    aiogram, direct = _pair(F.upper() == "HELLO")
    for handler in (aiogram, direct):
        assert (await handler.check("hello"))[0] is True
        assert (await handler.check("bye"))[0] is False


def test_every_borrower_handler_is_checked_directly_with_its_own_filters() -> None:
    router = build_router()
    for observer in (router.message, router.callback_query):
        assert all(isinstance(handler, DirectChecks) for handler in observer.handlers)
    assert [str(f.callback) for f in router.message.handlers[4].filters or ()] == [
        "IntentFilter(complaint_legal, dispute, request_human, vulnerable)"
    ]
