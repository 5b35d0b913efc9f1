"""Short replies inside the flows: dates resolved against the borrower's today, numbers of
months as instalments, and what a borrower says they cannot pay."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from dialogs.plan_common import cannot_pay, committed_part
from dialogs.plan_parsing import (
    answer_core,
    asks_for_a_waiver,
    parse_amount,
    parse_date,
    parse_delay,
    parse_installments,
)

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("大后天", date(2026, 12, 4)),  # not "后天"
        ("周二", date(2026, 12, 1)),  # a bare weekday: its next occurrence, today included
        ("这周五", date(2026, 12, 4)),
        ("Friday", date(2026, 12, 4)),
        ("下周一", date(2026, 12, 7)),  # "next": that weekday in next (Monday-based) week
        ("下周二", date(2026, 12, 8)),
        ("下周五还", date(2026, 12, 11)),
        ("下个星期五", date(2026, 12, 11)),
        ("下下周一", date(2026, 12, 14)),
        ("next tuesday", date(2026, 12, 8)),
        ("next Friday please", date(2026, 12, 11)),
        ("Next  Tuesday", date(2026, 12, 8)),
        ("明天", date(2026, 12, 2)),
        ("12月15日", date(2026, 12, 15)),
        ("the 10th", date(2026, 12, 10)),
        ("过几天", None),
    ],
)
def test_a_named_day_resolves_from_the_borrowers_today(text: str, expected: date | None) -> None:
    assert parse_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "in_flow", "expected"),
    [
        ("分6个月", False, 6),
        ("可以分十二个月吗", False, 12),
        ("over 6 months", False, 6),
        ("6个月呢", False, None),  # outside the options, months alone ask for nothing
        ("6个月呢", True, 6),
        ("what about 6 months?", True, 6),
        ("6个月后再还", True, None),  # a time from now
        ("3 months from now", True, None),
        ("延期1个月", True, None),  # a deferral
        ("12月15日", True, None),  # a date
        ("4", True, 4),
    ],
)
def test_months_of_payments_are_instalments(text: str, in_flow: bool, expected: int | None) -> None:
    assert parse_installments(text, bare=in_flow) == expected


@pytest.mark.parametrize(
    ("text", "committed", "refusal"),
    [
        ("周五还500", "周五还500", False),
        ("I can pay on Friday", "I can pay on Friday", False),
        ("周五还不上", "", True),
        ("明天還不起", "", True),
        ("500都还不上", "", True),
        ("I can't even pay 200 this week", "", True),
        ("I won't be able to make the payment on the 15th", "", True),
        ("今天还不了，但是明天可以还500", "明天可以还500", False),
        ("I can't pay Friday, but Monday is fine", " Monday is fine", False),
        ("I cannot pay Friday but", "", True),
        ("這禮拜五還不上", "", True),
        ("I won't have the money by Wednesday", "", True),
        ("I'm not in a position to pay this week", "", True),
        ("I can make Friday's payment", "I can make Friday's payment", False),
    ],
)
def test_what_the_borrower_cannot_pay_commits_to_nothing(
    text: str, committed: str, refusal: bool
) -> None:
    assert committed_part(text) == committed
    assert cannot_pay(text) is refusal


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("actually 4 please", "4"),
        ("okay then, 5", "5"),
        ("还是4期吧", "4期"),
        ("改成三千", "三千"),
        ("¥1,000.50!", "¥1,000.50"),
        ("I want a person please", "I want a person"),
    ],
)
def test_the_words_around_a_short_answer_are_set_aside(text: str, core: str) -> None:
    assert answer_core(text) == core


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("周五还500", Decimal("500")),
        ("还500元", Decimal("500")),
        ("我明天还1千", None),  # the NLU's entities read "1千"; this reader takes none of it
        ("I will pay 3k", None),
        ("还2万", None),
        ("pay ¥1,000.50 on the 15th", Decimal("1000.50")),
    ],
)
def test_an_amount_in_a_sentence_is_never_a_part_of_a_larger_figure(
    text: str, amount: Decimal | None
) -> None:
    assert parse_amount(text, bare=False) == amount


def test_the_nth_instalment_is_not_a_number_of_instalments() -> None:
    assert parse_installments("第一期能晚点吗", bare=True) is None
    assert parse_installments("分3期", bare=True) == 3


@pytest.mark.parametrize(
    ("text", "delay"),
    [
        ("call me in 2 hours", timedelta(hours=2)),
        ("in half an hour please", timedelta(minutes=30)),
        ("In Half An Hour", timedelta(minutes=30)),
        ("两个小时后给我打电话", timedelta(hours=2)),
        ("过两个小时打给我", timedelta(hours=2)),
        ("半小时后打给我", timedelta(minutes=30)),
        ("30分钟后", timedelta(minutes=30)),
        # a length of time, or months, is no call time
        ("通话2小时", None),
        ("I will pay in 2 months", None),
    ],
)
def test_a_call_asked_for_after_a_while(text: str, delay: timedelta | None) -> None:
    assert parse_delay(text) == delay


@pytest.mark.parametrize(
    "text",
    [
        "滞纳金能不能免了",
        "罚息能不能打个对折",
        "能不能免几个月的利息",
        "有没有减免政策",
        "罚息和利息能不能暂时冻结",
        "can you waive the late fees",
        "if I pay the principal today can you drop the interest",
        "can i get the intrest reduced",
        "could the fees be reduced",
    ],
)
def test_a_waiver_is_asked_for(text: str) -> None:
    assert asks_for_a_waiver(text)


@pytest.mark.parametrize(
    "text",
    [
        "我想分期",
        "利息怎么算的",
        "我还欠多少利息",
        "reduce my payments please",
        "I dropped my phone",
    ],
)
def test_no_waiver_in_other_plan_wordings(text: str) -> None:
    assert not asks_for_a_waiver(text)
