"""Messages the model was never trained or tuned on: `unseen.yml`, 408 borrower messages (24 per
intent; zh, traditional, Cantonese and en, typos and emoji) written by a separate session that
did not see `nlu_data`. Never copy them into the training data: they stand for the borrowers
the bot has not met yet."""

from __future__ import annotations

from pathlib import Path

from bot.nlu.data import load_data
from bot.nlu.evaluate import predict, report
from bot.nlu.model import IntentModel

UNSEEN = Path(__file__).with_name("unseen.yml")


def test_unseen_messages_meet_the_quality_bars(model: IntentModel) -> None:
    examples = load_data(UNSEEN).examples
    assert len(examples) == 408
    found = report(predict(model, examples))
    assert found["accuracy"] >= 0.96
    assert found["escalation"]["recall"] >= 0.99
    assert found["escalation"]["false_rate"] <= 0.03
