"""Interim NLU: keyword rules, used until a trained model is available (and in quick tests)."""

from __future__ import annotations

import re
from datetime import datetime

from bot.nlu.base import ESCALATING_INTENTS, FALLBACK_INTENT, IntentScore, Lang, ParseResult

_CJK = re.compile(r"[\u3400-\u9fff]")

# Checked in order: the escalating intents first, so a sensitive message is never masked.
_SELF_HARM = ("自杀", "不想活", "轻生", "suicide", "kill myself", "end my life")
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vulnerable", (*_SELF_HARM, "去世", "住院", "died", "passed away", "hospital")),
    ("complaint_legal", ("投诉", "律师", "报警", "法院", "complain", "lawyer", "police", "court")),
    (
        "dispute",
        ("不是我的", "已经还了", "金额不对", "not my loan", "already paid", "wrong amount"),
    ),
    ("request_human", ("人工", "客服", "真人", "human", "agent", "real person")),
    ("ask_is_bot", ("机器人", "are you a bot", "are you a robot", "is this a bot")),
    (
        "stop_contact",
        ("退订", "别再发", "不要再发", "stop messaging", "unsubscribe", "stop contact"),
    ),
    ("check_balance", ("欠多少", "还欠", "余额", "账单", "how much", "owe", "balance")),
    (
        "repayment_channels",
        ("怎么还", "如何还", "还款方式", "how to pay", "how do i pay", "how can i pay"),
    ),
    ("hardship_plan", ("分期", "晚几天", "延期", "installment", "instalment", "defer")),
    ("promise_to_pay", ("我会还", "周五还", "will pay", "i'll pay")),
    ("request_callback", ("打电话", "回电", "call me", "callback")),
    ("thank", ("谢谢", "thanks", "thank you")),
    ("goodbye", ("再见", "拜拜", "bye")),
    ("greet", ("你好", "您好", "hello", "hi")),
    ("affirm", ("是的", "好的", "yes", "ok")),
    ("deny", ("不用", "不是", "no")),
)


def detect_lang(text: str) -> Lang:
    return "zh" if _CJK.search(text) else "en"


class KeywordNLU:
    """Matches the first rule whose keyword occurs in the lower-cased text."""

    async def parse(self, text: str, now: datetime) -> ParseResult:
        lowered = text.lower()
        for intent, keywords in _RULES:
            if any(_contains(lowered, word) for word in keywords):
                score = IntentScore(name=intent, confidence=1.0)
                self_harm = [f"self_harm:{w}" for w in _SELF_HARM if _contains(lowered, w)]
                return ParseResult(
                    text=text,
                    intent=score,
                    intent_ranking=[score],
                    escalate=intent in ESCALATING_INTENTS,
                    lang=detect_lang(text),
                    signals=self_harm,
                )
        score = IntentScore(name=FALLBACK_INTENT, confidence=0.0)
        return ParseResult(text=text, intent=score, intent_ranking=[score], lang=detect_lang(text))


def _contains(text: str, word: str) -> bool:
    if _CJK.search(word):
        return word in text
    return re.search(rf"\b{re.escape(word)}\b", text) is not None
