"""`repaybot agent` and `repaybot chat` on one Redis: the whole handoff loop in terminals."""

from __future__ import annotations

import pytest

from tests.integration.cli import run_repaybot
from tests.integration.test_terminal_chat import chat

pytestmark = pytest.mark.slow


def agent(redis_url: str, lines: list[str]) -> str:
    return run_repaybot(redis_url, ["agent", "--agent-id", "9001", "--name", "Li"], lines)


def test_handoff_loop_between_the_terminal_chat_and_the_agent_console(redis_url: str) -> None:
    borrower = chat(redis_url, ["13800138000", "4321", "我要投诉你们"], "--user-id", "30001")
    assert "转交给我们的客服同事" in borrower

    listing = agent(redis_url, ["ls"])
    line = next(row for row in listing.splitlines() if "complaint_legal" in row)
    ticket_id = line.split()[0]
    assert "high" in line and "queued" in line

    out = agent(
        redis_url,
        [
            f"claim {ticket_id}",
            f'reply {ticket_id} "您好，我是客服小李。"',
            f"note {ticket_id} 借款人对催收频率不满",
            f"show {ticket_id}",
            f"resolve {ticket_id} referred",
            f"claim {ticket_id}",
        ],
    )
    assert f"claimed {ticket_id}" in out
    assert "note (Li): 借款人对催收频率不满" in out
    assert "borrower> 我要投诉你们" in out
    assert f"resolved {ticket_id}: referred" in out
    assert f"not done: ticket {ticket_id} is resolved" in out

    # The borrower's terminal delivers what the agent wrote, then the bot answers again.
    later = chat(redis_url, ["/help"], "--user-id", "30001", reset=False)
    assert "客服同事已加入对话" in later
    assert "您好，我是客服小李。" in later
    assert "客服同事已结束本次对话" in later
    assert "我可以帮您" in later
