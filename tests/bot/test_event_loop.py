"""Every filter and handler runs on the event loop: aiogram sends plain callables (magic
filters, `State` objects, sync functions) to a worker thread, which costs more than the check."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from aiogram import Router
from aiogram.dispatcher.event.handler import CallableObject

from tests.bot.conftest import D1001, Telegram
from tests.harness import ChatDriver, joined


def _callables(router: Router) -> Iterator[tuple[str, CallableObject]]:
    for name, observer in router.observers.items():
        for flt in observer._handler.filters or ():
            yield f"{router.name}.{name} router filter {flt.callback!r}", flt
        for handler in observer.handlers:
            yield f"{router.name}.{name} handler {handler.callback!r}", handler
            for flt in handler.filters or ():
                yield f"{router.name}.{name} filter {flt.callback!r}", flt
    for child in router.sub_routers:
        yield from _callables(child)


def test_no_filter_or_handler_is_sent_to_a_thread(telegram: Telegram) -> None:
    blocking = [name for name, obj in _callables(telegram.dispatcher) if not obj.awaitable]
    assert blocking == []


async def test_a_whole_conversation_makes_no_thread_hop(
    chat: ChatDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    hops: list[str] = []
    original: Callable[..., Any] = asyncio.to_thread

    async def recording(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        hops.append(repr(func))
        return await original(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", recording)
    await chat.verify(*D1001)
    assert "当前逾期应还：¥2,240.00" in joined(await chat.send("我还欠多少钱"))
    await chat.press("menu:channels")
    await chat.send("我想分6期")
    await chat.send("下周五还500")
    await chat.send("谢谢")
    assert hops == []
