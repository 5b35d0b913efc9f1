"""`after_greeting`: the request behind one or more leading greetings, in both languages."""

from __future__ import annotations

import pytest

from bot.nlu.greeting import after_greeting


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("你好，我想还款", "我想还款"),
        ("您好 请问我还欠多少", "请问我还欠多少"),
        ("你好啊，客服，我想还款", "我想还款"),
        ("在吗？我下周五还500", "我下周五还500"),
        ("早，有人上班吗", "有人上班吗"),
        ("你好 I want to pay", "I want to pay"),
        ("Hi there, how do I pay?", "how do I pay?"),
        ("hellooo 我想分期", "我想分期"),
        ("Good evening team. I want to pay", "I want to pay"),
        ("morning, what do I owe", "what do I owe"),
        ("哈囉，我想還款", "我想還款"),  # traditional characters, the original text returned
    ],
)
def test_the_request_after_a_greeting_is_found(text: str, asked: str) -> None:
    assert after_greeting(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "你好",
        "喂，有人吗",
        "哈喽，在不在",
        "你好呀客服",
        "hi 你好",
        "hey there",
        "morning!",
        "您好您好",
        "hi!!! 🙂",
    ],
)
def test_greetings_alone_have_no_request(text: str) -> None:
    assert after_greeting(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "早点还可以吗",  # "pay early", not "早" (morning)
        "evening calls are better",
        "his loan is paid",
        "your bot is slow",
        "history of my payments",
        "我想还款",
    ],
)
def test_words_that_only_start_like_a_greeting_are_no_greeting(text: str) -> None:
    assert after_greeting(text) is None
