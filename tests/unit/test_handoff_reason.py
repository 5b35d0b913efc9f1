"""Which queue a handoff goes to, and what the bot says first, from the reason and signals."""

from __future__ import annotations

import pytest

from actions.domain.handoff_policy import Reason
from actions.handoff import acknowledgement, ticket_reason


@pytest.mark.parametrize(
    ("asked", "signals", "self_harm", "reason"),
    [
        (Reason.DISPUTE, ["vulnerable:death", "dispute:not_my_loan"], False, Reason.VULNERABLE),
        (Reason.REQUEST_HUMAN, ["vulnerable:abuse"], False, Reason.VULNERABLE),
        (Reason.DISPUTE, ["self_harm:suicide"], True, Reason.VULNERABLE),
        # a complaint or a lawyer keeps its own formal process
        (Reason.COMPLAINT_LEGAL, ["vulnerable:death"], False, Reason.COMPLAINT_LEGAL),
        # a stay in hospital is told to the agent (signals) but does not move a dispute
        (Reason.DISPUTE, ["vulnerable:hospital"], False, Reason.DISPUTE),
        (Reason.OUT_OF_POLICY, ["vulnerable:death"], False, Reason.OUT_OF_POLICY),
        (Reason.REQUEST_HUMAN, [], False, Reason.REQUEST_HUMAN),
    ],
)
def test_a_death_or_abuse_outranks_a_dispute_or_a_request_for_a_person(
    asked: Reason, signals: list[str], self_harm: bool, reason: Reason
) -> None:
    assert ticket_reason(asked, signals, self_harm) is reason


@pytest.mark.parametrize(
    ("reason", "signals", "self_harm", "key"),
    [
        (Reason.VULNERABLE, ["vulnerable:death"], False, "handoff_ack_bereavement"),
        (Reason.COMPLAINT_LEGAL, ["vulnerable:death"], False, "handoff_ack_bereavement"),
        (Reason.VULNERABLE, ["vulnerable:abuse"], False, "handoff_ack_abuse"),
        (
            Reason.VULNERABLE,
            ["vulnerable:abuse", "vulnerable:death"],
            False,
            "handoff_ack_bereavement",
        ),
        (Reason.VULNERABLE, ["vulnerable:illness"], False, "handoff_ack_vulnerable"),
        (Reason.VULNERABLE, [], False, "handoff_ack_vulnerable"),
        # crisis support is the answer to self-harm
        (Reason.VULNERABLE, ["self_harm:suicide", "vulnerable:death"], True, None),
        (Reason.DISPUTE, ["dispute:already_paid"], False, None),
        (Reason.REQUEST_HUMAN, [], False, None),
    ],
)
def test_the_first_line_answers_what_the_borrower_told_us(
    reason: Reason, signals: list[str], self_harm: bool, key: str | None
) -> None:
    assert acknowledgement(reason, signals, self_harm) == key
