"""`repaybot chat` driven through piped stdin: a whole session per demo borrower."""

from __future__ import annotations

import pytest

from tests.integration.cli import run_repaybot

pytestmark = pytest.mark.slow


def chat(redis_url: str, lines: list[str], *args: str, reset: bool = True) -> str:
    return run_repaybot(redis_url, ["chat", *(["--reset"] if reset else []), *args], lines)


def test_d1001_full_session_in_chinese(redis_url: str) -> None:
    out = chat(
        redis_url,
        ["13800138000", "4321", "我还欠多少钱", "2", "退订", "/logout", "我还欠多少钱"],
        "--user-id",
        "20001",
        "--lang",
        "zh",
    )
    assert "自动还款助手" in out
    assert "[📱 分享我的手机号: type your phone number]" in out
    assert "谢谢您，身份验证成功。" in out
    assert "当前逾期应还：¥2,240.00" in out
    assert "逾期天数：12 天" in out
    # Option 2 of the menu under the balance is "how to pay".
    assert "还款参考号：RP-L1001-7731" in out
    assert "不会再向您发送提醒" in out
    assert "您已退出验证" in out
    # After logout the balance is no longer shown: verification starts again.
    assert out.count("当前逾期应还") == 1
    assert out.rstrip().endswith("[📱 分享我的手机号: type your phone number]")


def test_d1002_full_session_in_english(redis_url: str) -> None:
    out = chat(
        redis_url,
        ["+86 139-0000-1002", "5566", "What I owe", "how do I pay", "are you a bot?", "thanks"],
        "--user-id",
        "20002",
        "--lang",
        "en",
    )
    assert "automated repayment assistant of Example Consumer Finance" in out
    assert "Thank you, you are verified." in out
    # "What I owe" picked by its label (without the emoji) is not a label: free text works too.
    assert "Overdue now: ¥5,400.00" in out
    assert "Days past due: 45" in out
    assert "Your repayment reference for loan L-1002: RP-L1002-4408" in out
    assert "automated assistant of Example Consumer Finance, not a person" in out
    assert "You are welcome." in out


def test_reset_forgets_the_user(redis_url: str) -> None:
    chat(redis_url, ["13800138000", "4321"], "--user-id", "20003")
    kept = chat(redis_url, ["我还欠多少钱"], "--user-id", "20003", reset=False)
    assert "¥2,240.00" in kept  # without --reset the binding holds
    out = chat(redis_url, ["我还欠多少钱"], "--user-id", "20003")
    assert "¥2,240.00" not in out
    assert "分享我的手机号" in out
