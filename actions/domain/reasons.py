"""Machine-readable reasons for a refusal, shared by hardship, promises and callbacks.

The dialogs render a reason code with its params as a text in the borrower's language, explain
which limit applies, and offer a callback or a person (a handoff with `OUT_OF_POLICY_HANDOFF`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

OUT_OF_POLICY_HANDOFF = "out_of_policy"
"""Handoff reason used when a borrower asks for something outside the policy limits."""


class ReasonCode(StrEnum):
    # hardship eligibility
    DPD_OVER_LIMIT = "dpd_over_limit"
    OVERDUE_BELOW_MINIMUM = "overdue_below_minimum"
    BROKEN_PLAN_RECENTLY = "broken_plan_recently"
    PLAN_ALREADY_ACTIVE = "plan_already_active"
    # instalment plan
    INSTALLMENTS_OUT_OF_RANGE = "installments_out_of_range"
    FIRST_DUE_OUT_OF_RANGE = "first_due_out_of_range"
    FIRST_INSTALMENT_BELOW_MINIMUM = "first_instalment_below_minimum"
    # deferral
    DEFERRAL_DPD_OVER_LIMIT = "deferral_dpd_over_limit"
    DEFERRAL_USED_RECENTLY = "deferral_used_recently"
    DEFER_DAYS_OUT_OF_RANGE = "defer_days_out_of_range"
    # promise to pay / partial payment
    AMOUNT_MISSING = "amount_missing"
    DATE_MISSING = "date_missing"
    AMOUNT_NOT_POSITIVE = "amount_not_positive"
    AMOUNT_OVER_OVERDUE = "amount_over_overdue"
    DATE_IN_PAST = "date_in_past"
    DATE_TOO_FAR = "date_too_far"
    PARTIAL_BELOW_MINIMUM = "partial_below_minimum"
    # a promise already recorded, changed or cancelled
    NO_OPEN_PROMISE = "no_open_promise"
    PROMISE_NOT_OPEN = "promise_not_open"
    PROMISE_CHANGE_LIMIT = "promise_change_limit"
    # callbacks
    CALLBACK_IN_PAST = "callback_in_past"
    CALLBACK_TOO_FAR = "callback_too_far"
    CALLBACK_OUTSIDE_HOURS = "callback_outside_hours"
    CALLBACK_NOT_ON_SLOT = "callback_not_on_slot"
    SLOT_FULL = "slot_full"
    CALLBACK_ALREADY_BOOKED = "callback_already_booked"
    NO_UPCOMING_CALLBACK = "no_upcoming_callback"


class Refusal(BaseModel):
    """Why something was refused: a code plus the figures a text needs (limit, value...)."""

    model_config = ConfigDict(frozen=True)

    code: ReasonCode
    params: dict[str, str] = Field(default_factory=dict)
