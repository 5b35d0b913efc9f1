"""Refusals as texts: which limit applies, with its figures in the borrower's language.

Each reason code has a catalog text `reason_<code>`; its variables are the refusal's params,
money and dates formatted here. Limits the lender sets also mark the conversation for a handoff
(`out_of_policy`), so the dialog can offer a callback or a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from rasa_sdk.events import SlotSet

from actions import plan_slots
from actions.base import ActionContext, Events
from actions.domain.display import format_date, format_datetime
from actions.domain.money import format_money
from actions.domain.reasons import OUT_OF_POLICY_HANDOFF, ReasonCode
from actions.domain.schedule import Instalment

_MONEY = frozenset({"overdue", "minimum", "first", "amount"})
_DATES = frozenset({"broken_on", "earliest", "latest", "used_on", "next_on", "date"})
_WEEKDAY_NAMES = {
    "zh": {"mon": "周一", "tue": "周二", "wed": "周三", "thu": "周四", "fri": "周五",
           "sat": "周六", "sun": "周日"},
    "en": {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri",
           "sat": "Sat", "sun": "Sun"},
}  # fmt: skip

OUT_OF_POLICY: frozenset[ReasonCode] = frozenset(
    {
        ReasonCode.DPD_OVER_LIMIT,
        ReasonCode.OVERDUE_BELOW_MINIMUM,
        ReasonCode.BROKEN_PLAN_RECENTLY,
        ReasonCode.PLAN_ALREADY_ACTIVE,
        ReasonCode.INSTALLMENTS_OUT_OF_RANGE,
        ReasonCode.FIRST_DUE_OUT_OF_RANGE,
        ReasonCode.FIRST_INSTALMENT_BELOW_MINIMUM,
        ReasonCode.DEFERRAL_DPD_OVER_LIMIT,
        ReasonCode.DEFERRAL_USED_RECENTLY,
        ReasonCode.DEFER_DAYS_OUT_OF_RANGE,
        ReasonCode.AMOUNT_OVER_OVERDUE,
        ReasonCode.DATE_TOO_FAR,
        ReasonCode.PARTIAL_BELOW_MINIMUM,
        ReasonCode.PROMISE_CHANGE_LIMIT,
    }
)
"""Limits the lender sets: outside them, a person may still help (callback or handoff)."""


def _format(
    code: ReasonCode, name: str, value: str, *, currency: str, tz: ZoneInfo, lang: str
) -> str:
    try:
        if name in _MONEY:
            return format_money(Decimal(value), currency, lang)
        if name in _DATES or (name == "requested" and code == ReasonCode.FIRST_DUE_OUT_OF_RANGE):
            return format_date(date.fromisoformat(value), lang)
        if name == "start":
            return format_datetime(datetime.fromisoformat(value), tz, lang)
        if name == "weekdays":
            names = _WEEKDAY_NAMES["zh" if lang == "zh" else "en"]
            return ("、" if lang == "zh" else ", ").join(names[d] for d in value.split(","))
    except (ValueError, InvalidOperation, KeyError):
        pass
    return value


def say_reason(
    ctx: ActionContext,
    code: ReasonCode | str,
    params: Mapping[str, str],
    *,
    currency: str,
    tz: ZoneInfo,
) -> None:
    """Utters `reason_<code>` with its figures formatted for the borrower."""
    reason = ReasonCode(code)
    variables = {
        name: _format(reason, name, value, currency=currency, tz=tz, lang=ctx.lang)
        for name, value in params.items()
    }
    ctx.say(f"reason_{reason.value}", **variables)


def refuse(
    ctx: ActionContext,
    code: ReasonCode | str,
    params: Mapping[str, str],
    *,
    currency: str,
    tz: ZoneInfo,
    offer: bool = True,
) -> Events:
    """Explains the refusal; outside a policy limit, also offers a callback or a person and
    marks the conversation for a handoff with reason `out_of_policy`."""
    say_reason(ctx, code, params, currency=currency, tz=tz)
    if ReasonCode(code) not in OUT_OF_POLICY:
        return []
    if offer:
        ctx.say("out_of_policy_offer")
    return handoff_events(ReasonCode(code))


def handoff_events(code: ReasonCode) -> Events:
    return [
        SlotSet(plan_slots.HANDOFF_REASON, OUT_OF_POLICY_HANDOFF),
        SlotSet(plan_slots.HANDOFF_DETAIL, code.value),
    ]


def schedule_lines(schedule: list[Instalment], *, currency: str, lang: str) -> str:
    """`1. 2026年12月8日（周二）  ¥373.33`, one line per instalment."""
    return "\n".join(
        f"{i}. {format_date(item.due, lang)}  {format_money(item.amount, currency, lang)}"
        for i, item in enumerate(schedule, 1)
    )


def format_when(day: date, at: time | None, tz: ZoneInfo, lang: str) -> str:
    """A promised date (and time when given), with the borrower's timezone named."""
    if at is None:
        return f"{format_date(day, lang)} ({tz.key})"
    return format_datetime(datetime.combine(day, at, tzinfo=tz), tz, lang)


def format_slot(start: datetime, end: datetime, tz: ZoneInfo, lang: str) -> str:
    """`2026年12月1日（周二） 11:00–11:30 (Asia/Shanghai)`."""
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    return (
        f"{format_date(local_start.date(), lang)} {local_start:%H:%M}–{local_end:%H:%M} ({tz.key})"
    )
