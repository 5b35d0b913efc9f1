"""Entities resolved to exact values for a fixed "now" (Monday 2026-11-30 10:00, Shanghai)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.nlu.entities import EntityExtractor

from .conftest import NOW


@pytest.fixture(scope="module")
def extractor(training_data) -> EntityExtractor:  # type: ignore[no-untyped-def]
    return EntityExtractor(training_data.synonyms)


def values(extractor: EntityExtractor, text: str, now: datetime = NOW) -> dict[str, object]:
    return {e.entity: e.value for e in extractor.extract(text, now)}


CASES = [
    ("我可以先还500", {"amount": "500.00"}),
    ("五百块先还上", {"amount": "500.00"}),
    ("3千5行不行", {"amount": "3500.00"}),
    ("I can pay ¥1,200.50", {"amount": "1200.50"}),
    ("1.2万下周一还清", {"amount": "12000.00", "date": "2026-12-07"}),
    ("I'll send $300 now", {"amount": "300.00"}),
    ("can pay 2k friday", {"amount": "2000.00", "date": "2026-12-04"}),
    ("I'll pay five hundred dollars", {"amount": "500.00"}),
    ("一千二明天还", {"amount": "1200.00", "date": "2026-12-01"}),
    ("I can pay half now", {}),
    ("能不能分6期", {"installments": 6}),
    ("分三个月还", {"installments": 3}),
    ("can I pay over six months", {"installments": 6}),
    ("split it into 3 instalments", {"installments": 3}),
    ("12 monthly payments please", {"installments": 12}),
    ("第一期能晚点吗", {}),  # the first instalment, not a count of one
    ("I lost my job 3 months ago", {}),
    ("失业3个月了", {}),
    ("下周五还", {"date": "2026-12-11"}),
    ("周五还", {"date": "2026-12-04"}),
    ("15号发工资就还", {"date": "2026-12-15"}),
    ("月底前还清", {"date": "2026-11-30"}),
    ("下个月底还", {"date": "2026-12-31"}),
    ("下个月1号还", {"date": "2026-12-01"}),
    ("12月5号还", {"date": "2026-12-05"}),
    ("后天还", {"date": "2026-12-02"}),
    ("3天后还", {"date": "2026-12-03"}),
    ("周末还", {"date": "2026-12-05"}),
    ("I'll pay next Monday", {"date": "2026-12-07"}),
    ("paying tmrw", {"date": "2026-12-01"}),
    ("I'll pay on the 15th", {"date": "2026-12-15"}),
    ("by the end of the month", {"date": "2026-11-30"}),
    ("in 3 days", {"date": "2026-12-03"}),
    ("I'll pay in two weeks", {"date": "2026-12-14"}),
    ("in a week", {"date": "2026-12-07"}),
    ("两周后还", {"date": "2026-12-14"}),
    ("一个星期后还", {"date": "2026-12-07"}),
    ("过两周还", {"date": "2026-12-14"}),
    ("on December 5", {"date": "2026-12-05"}),
    ("on 2027-01-04", {"date": "2027-01-04"}),
    ("明天下午三点给我打电话", {"date": "2026-12-01", "time": "15:00"}),
    ("今晚8点前转过去", {"date": "2026-11-30", "time": "20:00"}),
    ("上午10点半打给我", {"time": "10:30"}),
    ("中午打给我", {"time": "12:00"}),
    ("call me after 3pm", {"time": "15:00"}),
    ("call me at 9:30am tomorrow", {"time": "09:30", "date": "2026-12-01"}),
    ("ring me at noon", {"time": "12:00"}),
    ("3点以后打", {"time": "15:00"}),
    ("打这个号码 13800138000", {}),
    # Cantonese: 聽日 / 聽朝 tomorrow, 後日 the day after
    ("我聽日還五百", {"amount": "500.00", "date": "2026-12-01"}),
    ("聽朝十點打俾我", {"date": "2026-12-01", "time": "10:00"}),
    ("後日過數", {"date": "2026-12-02"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_entities_resolve_to_exact_values(
    extractor: EntityExtractor, text: str, expected: dict[str, object]
) -> None:
    assert values(extractor, text) == expected


def test_offsets_point_into_the_original_text(extractor: EntityExtractor) -> None:
    text = "我下週五還三千五百塊"  # traditional characters
    found = extractor.extract(text, NOW)
    assert [(e.entity, text[e.start : e.end], e.value) for e in found] == [
        ("date", "下週五", "2026-12-11"),
        ("amount", "三千五百塊", "3500.00"),
    ]


def test_full_width_digits_are_understood(extractor: EntityExtractor) -> None:
    assert values(extractor, "１５号还５００元") == {"date": "2026-12-15", "amount": "500.00"}


def test_dates_are_relative_to_now_in_the_borrowers_timezone(extractor: EntityExtractor) -> None:
    late_sunday = datetime(2026, 12, 6, 23, 30, tzinfo=NOW.tzinfo)
    assert values(extractor, "明天还", late_sunday) == {"date": "2026-12-07"}
    assert values(extractor, "5号还", late_sunday) == {"date": "2027-01-05"}


def test_annotated_training_entities_are_found(training_data, extractor) -> None:  # type: ignore[no-untyped-def]
    total = found = 0
    for example in training_data.examples:
        got = extractor.extract(example.text, NOW)
        for marked in example.entities:
            total += 1
            found += any(
                g.entity == marked.entity and g.start < marked.end and marked.start < g.end
                for g in got
            )
    assert total > 250
    assert found / total >= 0.97
