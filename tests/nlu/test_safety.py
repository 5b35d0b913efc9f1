"""The escalation safety net raises, never lowers, and marks self-harm as such."""

from __future__ import annotations

import pytest

from bot.nlu.base import ESCALATING_INTENTS, FALLBACK_INTENT
from bot.nlu.decision import decide
from bot.nlu.safety import find_signals


def signal_names(text: str) -> list[str]:
    return [s.name for s in find_signals(text)]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("我不想活了", "self_harm:no_will_to_live"),
        ("再逼我就跳楼", "self_harm:suicide"),
        ("I'm going to kill myself", "self_harm:suicide"),
        ("i want to die", "self_harm:no_will_to_live"),
        ("我老公上个月去世了", "vulnerable:death"),
        ("my husband passed away", "vulnerable:death"),
        ("我在醫院", "vulnerable:hospital"),
        ("我要找律师", "complaint_legal:lawyer"),
        ("see you in court", "complaint_legal:court"),
        ("我要报警", "complaint_legal:police"),
        ("我打12378投诉", "complaint_legal:regulator"),
        ("I'll complain to the regulator", "complaint_legal:regulator"),
        ("stop harassing me", "complaint_legal:harassment"),
        ("我申请破产了", "complaint_legal:bankruptcy"),
        ("this isn't my loan", "dispute:not_my_loan"),
        ("有人冒用我的身份", "dispute:identity_theft"),
        ("this is a scam", "dispute:fraud"),
        ("我已经还了，怎么还显示逾期", "dispute:already_paid"),
        ("转人工", "request_human:agent"),
    ],
)
def test_lexicon_signals_fire(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "你是人工客服吗",
        "are you a real person",
        "明天还500",
        "我已经还了多少了",
        "call me after 3pm",
    ],
)
def test_ordinary_messages_fire_nothing(text: str) -> None:
    assert signal_names(text) == []


def test_a_signal_raises_a_non_escalating_intent() -> None:
    decision = decide(
        "I'll pay friday but my lawyer says the fee is wrong",
        [("promise_to_pay", 0.8), ("complaint_legal", 0.1)],
    )
    assert decision.intent == "complaint_legal"
    assert decision.escalate
    assert decision.raised
    assert "complaint_legal:lawyer" in decision.signals


def test_a_signal_never_lowers_or_moves_an_escalating_intent() -> None:
    decision = decide("我要投诉，这笔不是我借的", [("dispute", 0.7), ("complaint_legal", 0.2)])
    assert decision.intent == "dispute"
    assert decision.escalate
    assert not decision.raised


def test_self_harm_always_goes_to_vulnerable() -> None:
    decision = decide("还不上我就去死", [("hardship_plan", 0.9), ("complaint_legal", 0.05)])
    assert decision.intent == "vulnerable"
    assert any(s.startswith("self_harm:") for s in decision.signals)


def test_low_confidence_becomes_fallback_unless_a_signal_fires() -> None:
    assert decide("hmm", [("greet", 0.2)], threshold=0.3).intent == FALLBACK_INTENT
    raised = decide("police", [("greet", 0.2)], threshold=0.3)
    assert raised.intent in ESCALATING_INTENTS


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("I want ti die", "self_harm:no_will_to_live"),
        ("I'd be etter off dead", "self_harm:no_will_to_live"),
        ("I'm not te borrower", "dispute:not_my_loan"),
        ("my payment hasn't been osted", "dispute:already_paid"),
        ("我不活了", "self_harm:no_will_to_live"),
        ("真的活不去了", "self_harm:no_will_to_live"),
        ("我在走破产程序", "complaint_legal:bankruptcy"),
        ("我要打电话给金融管局", "complaint_legal:regulator"),
    ],
)
def test_one_slip_in_a_phrase_still_fires(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to diet",
        "我已经还不上了",
        "金额对",
        "我是借款人",
        "我会撑下去的",
        "用我的卡还可以吗",
        "are you a live agent or a bot",
    ],
)
def test_slips_that_change_the_meaning_fire_nothing(text: str) -> None:
    assert signal_names(text) == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("you have the wrnog person", "dispute:not_my_loan"),
        ("I dont want to lve anymore", "self_harm:no_will_to_live"),
        ("the fees makes no snse", "dispute:wrong_amount"),
        ("opertor", "request_human:agent"),
        ("你们冒充检法", "complaint_legal:harassment"),
        ("我要找之前给我打电的那个人", "request_human:agent"),
        ("我是孤寡人", "vulnerable:illness"),
    ],
)
def test_one_slip_in_any_plain_lexicon_wording_still_fires(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll settle it this weekend",
        "I put myself in this mess",
        "disable the notifications",
        "我找人帮我还",
        "收到款就还",
        "我的手机坏了",
    ],
)
def test_derived_slips_that_read_as_ordinary_messages_fire_nothing(text: str) -> None:
    assert signal_names(text) == []
