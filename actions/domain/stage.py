"""Delinquency stage: how long a loan has been overdue decides the tone of the bot's words."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    CURRENT = "current"  # nothing overdue
    EARLY = "early"  # 1–5 days: a friendly reminder
    MID = "mid"  # 6–30 days: clear and direct
    LATE = "late"  # over 30 days: factual about consequences


def delinquency_stage(days_past_due: int) -> Stage:
    if days_past_due <= 0:
        return Stage.CURRENT
    if days_past_due <= 5:
        return Stage.EARLY
    if days_past_due <= 30:
        return Stage.MID
    return Stage.LATE
