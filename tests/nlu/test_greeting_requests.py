"""A greeting in front of a request: the request is what the bot acts on."""

from __future__ import annotations

import pytest

from bot.nlu.base import ESCALATING_INTENTS
from bot.nlu.classifier import ClassifierNLU
from bot.nlu.model import IntentModel

from .conftest import NOW


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("你好，我想还款", "repayment_channels"),
        ("您好 请问我还欠多少", "check_balance"),
        ("你好 I want to pay", "repayment_channels"),
        ("您好，我想分期", "hardship_plan"),
        ("hello can I pay in installments", "hardship_plan"),
        ("hi, how do I pay", "repayment_channels"),
        ("哈喽，我想查一下欠款", "check_balance"),
        ("您好，能不能晚几天还", "hardship_plan"),
        ("Good evening, can you call me tomorrow", "request_callback"),
    ],
)
async def test_a_request_behind_a_greeting_is_read_as_the_request(
    nlu: ClassifierNLU, text: str, intent: str
) -> None:
    assert (await nlu.parse(text, NOW)).intent.name == intent


@pytest.mark.parametrize(
    "text",
    ["你好，是催收部门吗", "hello, I just joined", "hey, got your call", "您好您好", "hi there"],
)
async def test_a_greeting_with_pleasantries_stays_a_greeting(nlu: ClassifierNLU, text: str) -> None:
    assert (await nlu.parse(text, NOW)).intent.name == "greet"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("你好，我老公上个月去世了", "vulnerable"), ("hello, this isn't my loan", "dispute")],
)
async def test_a_greeting_never_hides_what_a_person_must_see(
    nlu: ClassifierNLU, text: str, intent: str
) -> None:
    result = await nlu.parse(text, NOW)
    assert result.intent.name == intent
    assert result.intent.name in ESCALATING_INTENTS and result.escalate


def test_bulk_ranking_reads_greetings_as_single_ranking_does(model: IntentModel) -> None:
    texts = ["你好，我想还款", "hello, I just joined", "hi, how do I pay", "你好", "我还欠多少"]
    bulk = model.rank_many(texts)
    for text, ranking in zip(texts, bulk, strict=True):
        single = model.rank(text)
        assert ranking[0][0] == single[0][0]
        assert ranking[0][1] == pytest.approx(single[0][1], abs=1e-6)
