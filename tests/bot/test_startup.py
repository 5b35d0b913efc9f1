"""A bot process is ready before its first update: model built, long-lived heap frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot.services import BotServices
from bot.startup import ready


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()


def test_the_model_is_built_and_the_heap_frozen_before_the_first_update(
    services: BotServices, unfrozen: None
) -> None:
    services.__dict__.pop("nlu", None)  # as a fresh process: no model built yet
    built: list[bool] = []
    factory = services.nlu_factory

    def counted() -> object:
        built.append(True)
        return factory()

    services.nlu_factory = counted  # type: ignore[assignment]
    ready(services)
    assert built == [True]
    assert gc.get_freeze_count() > 10_000  # the model, catalogs and libraries
    assert "nlu" in services.__dict__  # the first message will not build it again
