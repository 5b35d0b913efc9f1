from __future__ import annotations

import logging
import sys
from decimal import Decimal

import pytest

from actions.domain.masking import MaskingFilter, mask_name, mask_phone, mask_text
from actions.domain.money import format_money, to_cents
from actions.domain.phones import normalise_phone
from actions.domain.stage import Stage, delinquency_stage
from bot.i18n import telegram_language


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "+86 138-0013-8000",
        "8613800138000",
        "+86 (138) 0013 8000",
        "0086 138 0013 8000",
    ],
)
def test_phone_numbers_typed_many_ways_normalise_alike(typed: str) -> None:
    assert normalise_phone(typed) == "+8613800138000"


@pytest.mark.parametrize("typed", ["12345", "hello", "", "1380013800"])
def test_invalid_phone_numbers_are_rejected(typed: str) -> None:
    assert normalise_phone(typed) is None


def test_money_is_formatted_with_the_home_symbol_in_both_languages() -> None:
    assert format_money(Decimal("2240"), "CNY", "zh") == "¥2,240.00"
    assert format_money(Decimal("18600.5"), "CNY", "en") == "¥18,600.50"


def test_money_refuses_floats_and_rounds_half_up_to_the_cent() -> None:
    assert to_cents("0.005") == Decimal("0.01")
    with pytest.raises(TypeError):
        to_cents(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "stage"),
    [
        (0, Stage.CURRENT),
        (1, Stage.EARLY),
        (5, Stage.EARLY),
        (6, Stage.MID),
        (30, Stage.MID),
        (31, Stage.LATE),
        (95, Stage.LATE),
    ],
)
def test_delinquency_stage_boundaries(days: int, stage: Stage) -> None:
    assert delinquency_stage(days) is stage


def test_masking_hides_the_middle_of_phones_ids_and_names() -> None:
    assert mask_phone("+8613800138000") == "+86138****8000"
    assert mask_name("王小明") == "王**"
    assert mask_name("Jane Lee") == "J*** L**"
    assert "4321" not in mask_text("ID 11010119900307432X and 110101199003074321")


def test_log_records_and_their_tracebacks_are_masked() -> None:
    try:
        raise ValueError("no borrower with phone 13800138000")
    except ValueError:
        record = logging.LogRecord(
            "t",
            logging.ERROR,
            __file__,
            1,
            "lookup for %s failed",
            ("+8613800138000",),
            exc_info=sys.exc_info(),
        )
    assert MaskingFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert "13800138000" not in formatted
    assert "lookup for +86138****8000 failed" in formatted
    assert "ValueError: no borrower with phone 138****8000" in formatted


@pytest.mark.parametrize(
    ("code", "lang"),
    [("zh-hans", "zh"), ("zh-TW", "zh"), ("en", "en"), ("en-GB", "en"), ("fr", None), (None, None)],
)
def test_telegram_language_codes_map_to_catalog_languages(code: str | None, lang: str) -> None:
    assert telegram_language(code) == lang
