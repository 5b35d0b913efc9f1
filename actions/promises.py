"""Promises to pay, and partial payments now: pinned to an exact date in the borrower's zone."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from rasa_sdk.events import SlotSet

from actions import plan_slots
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.hardship import pick_loan
from actions.domain.ledger import Borrower
from actions.domain.money import format_money, to_cents
from actions.domain.promises import PromiseError, PromiseKind, check_promise
from actions.domain.reasons import ReasonCode, Refusal
from actions.explain import OUT_OF_POLICY, format_when, handoff_events, say_reason

_AMOUNT_REASONS = frozenset(
    {
        ReasonCode.AMOUNT_MISSING,
        ReasonCode.AMOUNT_NOT_POSITIVE,
        ReasonCode.AMOUNT_OVER_OVERDUE,
        ReasonCode.PARTIAL_BELOW_MINIMUM,
    }
)
_SILENT = frozenset({ReasonCode.AMOUNT_MISSING, ReasonCode.DATE_MISSING})
# Date buttons: the borrower's next days, up to the policy's limit.
DAYS_OFFERED = 7


class PromiseDraft:
    """The promise as the dialog collected it (slots), read leniently: bad values are missing."""

    def __init__(self, ctx: ActionContext) -> None:
        self.kind: PromiseKind = (
            "partial" if ctx.slot(plan_slots.PROMISE_KIND) == "partial" else "promise"
        )
        self.full = ctx.slot(plan_slots.PROMISE_AMOUNT) == plan_slots.FULL_AMOUNT
        self.amount = _decimal(ctx.slot(plan_slots.PROMISE_AMOUNT))
        self.due_date = _parse(date.fromisoformat, ctx.slot(plan_slots.PROMISE_DATE))
        self.due_time = _parse(time.fromisoformat, ctx.slot(plan_slots.PROMISE_TIME))


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, float):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return to_cents(amount) if amount.is_finite() else None


def _parse(parse: Any, value: Any) -> Any:
    if not isinstance(value, str):
        return None
    try:
        return parse(value)
    except ValueError:
        return None


def _explain(
    ctx: ActionContext, borrower: Borrower, draft: PromiseDraft, refusals: list[Refusal]
) -> Events:
    """Says what is wrong and asks again for the first thing needed; slots tell the dialog."""
    loan = pick_loan(borrower)
    policy = ctx.services.policy
    money = partial(format_money, currency=loan.currency, lang=ctx.lang)
    events: Events = []
    needs: list[str] = []
    for refusal in refusals:
        needs.append("amount" if refusal.code in _AMOUNT_REASONS else "date")
        if refusal.code not in _SILENT:
            say_reason(ctx, refusal.code, refusal.params, currency=loan.currency, tz=borrower.tz)
        if refusal.code in OUT_OF_POLICY and not events:
            events = handoff_events(refusal.code)
    today = ctx.services.clock.now().astimezone(borrower.tz).date()
    days = min(DAYS_OFFERED, policy.promise.max_days_ahead + 1)
    offered = [(today + timedelta(days=i)).isoformat() for i in range(days)]
    if needs[0] == "amount":
        ctx.say(
            "partial_ask_amount" if draft.kind == "partial" else "promise_ask_amount",
            minimum=money(policy.partial_payment.min_amount),
            overdue=money(loan.overdue_total),
        )
    else:
        latest = today + timedelta(days=policy.promise.max_days_ahead)
        ctx.say("promise_ask_date", latest=format_when(latest, None, borrower.tz, ctx.lang))
    if events:
        ctx.say("out_of_policy_offer")
    return [
        SlotSet(plan_slots.PROMISE_NEEDS, needs),
        SlotSet(plan_slots.PROMISE_DAYS, offered if "date" in needs else []),
        *events,
    ]


def _summary_slots(draft: PromiseDraft) -> Events:
    return [
        SlotSet(plan_slots.PROMISE_NEEDS, []),
        SlotSet(plan_slots.PROMISE_AMOUNT, None if draft.amount is None else str(draft.amount)),
    ]


class ActionPromiseCheck(VerifiedAction):
    """Checks a promise against the limits: asks for what is missing or outside them, else
    says back the exact amount, date (and time) in the borrower's timezone to confirm."""

    action_name = "action_promise_check"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        draft = PromiseDraft(ctx)
        loan = pick_loan(borrower)
        if draft.full:  # said back, then recorded, as this exact figure
            draft.amount = loan.overdue_total
        now = ctx.services.clock.now()
        refusals = check_promise(
            amount=draft.amount,
            due_date=draft.due_date,
            due_time=draft.due_time,
            overdue=loan.overdue_total,
            now=now,
            tz=borrower.tz,
            policy=ctx.services.policy,
            kind=draft.kind,
        )
        if refusals:
            return _explain(ctx, borrower, draft, refusals)
        assert draft.amount is not None
        due = draft.due_date or now.astimezone(borrower.tz).date()
        ctx.say(
            "partial_confirm" if draft.kind == "partial" else "promise_confirm",
            amount=format_money(draft.amount, loan.currency, ctx.lang),
            when=format_when(due, draft.due_time, borrower.tz, ctx.lang),
        )
        return _summary_slots(draft)


class ActionPromiseRecord(VerifiedAction):
    """Records the promise the borrower confirmed (checked again against the limits)."""

    action_name = "action_promise_record"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        draft = PromiseDraft(ctx)
        try:
            promise = await ctx.services.promises.record(
                borrower,
                amount=draft.amount,
                due_date=draft.due_date,
                due_time=draft.due_time,
                policy=ctx.services.policy,
                kind=draft.kind,
            )
        except PromiseError as exc:
            return _explain(ctx, borrower, draft, exc.refusals)
        await ctx.services.stats.incr("promises")
        ctx.say(
            "partial_recorded" if promise.kind == "partial" else "promise_recorded",
            promise_id=promise.promise_id,
            amount=format_money(promise.amount, promise.currency, ctx.lang),
            when=format_when(promise.due_date, promise.due_time, borrower.tz, ctx.lang),
        )
        ctx.say("promise_how_to_pay")
        return [
            SlotSet(plan_slots.PROMISE_ID, promise.promise_id),
            SlotSet(plan_slots.PROMISE_NEEDS, []),
        ]
