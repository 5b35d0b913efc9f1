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
from actions.domain.promises import Promise, PromiseError, PromiseKind, check_promise
from actions.domain.reasons import ReasonCode, Refusal
from actions.explain import OUT_OF_POLICY, format_when, handoff_events, say_reason
from actions.promise_changes import changeable, ends, promise_line, say_refusal

_AMOUNT_REASONS = frozenset(
    {
        ReasonCode.AMOUNT_MISSING,
        ReasonCode.AMOUNT_NOT_POSITIVE,
        ReasonCode.AMOUNT_OVER_OVERDUE,
        ReasonCode.PARTIAL_BELOW_MINIMUM,
    }
)
_SILENT = frozenset({ReasonCode.AMOUNT_MISSING, ReasonCode.DATE_MISSING})
_CHANGE_REASONS = frozenset({ReasonCode.PROMISE_NOT_OPEN, ReasonCode.PROMISE_CHANGE_LIMIT})
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
        ref = ctx.slot(plan_slots.PROMISE_REF)
        # The recorded promise this draft changes ("": the only open one); None: a new promise.
        self.replaces: str | None = None if ref is None else str(ref)


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, float):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return to_cents(amount) if amount.is_finite() else None


def _clock(moment: time | None) -> str | None:
    """A time of day as the dialogs keep it ("15:00")."""
    return moment.strftime("%H:%M") if moment is not None else None


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
    says back the exact amount, date (and time) in the borrower's timezone to confirm.

    A change to a recorded promise (`PROMISE_REF`) starts from that promise's amount; one
    that names only an amount ("make it 300") keeps its day and time, while they are ahead."""

    action_name = "action_promise_check"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        draft = PromiseDraft(ctx)
        loan = pick_loan(borrower)
        old: Promise | None = None
        now = ctx.services.clock.now()
        kept: Events = []
        if draft.replaces is not None:
            old, events = await changeable(ctx, borrower)
            if old is None:
                return events
            draft.kind = "promise"
            if draft.amount is None and not draft.full:
                draft.amount = old.amount
            elif draft.due_date is None and old.due_at > now:
                draft.due_date, draft.due_time = old.due_date, old.due_time
                kept = [
                    SlotSet(plan_slots.PROMISE_DATE, old.due_date.isoformat()),
                    SlotSet(plan_slots.PROMISE_TIME, _clock(old.due_time)),
                ]
        if draft.full:  # said back, then recorded, as this exact figure
            draft.amount = loan.overdue_total
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
        changing = [] if old is None else [SlotSet(plan_slots.PROMISE_REF, old.promise_id)]
        if refusals:
            if old is not None and draft.due_date is None:
                ctx.say("promise_change_current", **promise_line(ctx, old, borrower))
            return [*_explain(ctx, borrower, draft, refusals), *changing]
        assert draft.amount is not None
        due = draft.due_date or now.astimezone(borrower.tz).date()
        amount = format_money(draft.amount, loan.currency, ctx.lang)
        when = format_when(due, draft.due_time, borrower.tz, ctx.lang)
        if old is not None:
            was = promise_line(ctx, old, borrower)
            ctx.say(
                "promise_change_confirm",
                promise_id=old.promise_id,
                old_amount=was["amount"],
                old_when=was["when"],
                amount=amount,
                when=when,
            )
        else:
            confirm = "partial_confirm" if draft.kind == "partial" else "promise_confirm"
            ctx.say(confirm, amount=amount, when=when)
        return [*_summary_slots(draft), *kept, *changing]


class ActionPromiseRecord(VerifiedAction):
    """Records the promise the borrower confirmed (checked again against the limits); a
    change replaces the recorded promise it changes."""

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
                replaces=draft.replaces or None,
            )
        except PromiseError as exc:
            first = exc.refusals[0] if exc.refusals else None
            if first is not None and first.code in _CHANGE_REASONS:
                return ends("nothing", *say_refusal(ctx, borrower, first))
            return _explain(ctx, borrower, draft, exc.refusals)
        figures = promise_line(ctx, promise, borrower)
        if promise.replaces:
            ctx.say("promise_changed", replaces=promise.replaces, **figures)
        else:
            await ctx.services.stats.incr("promises")
            kind = "partial_recorded" if promise.kind == "partial" else "promise_recorded"
            ctx.say(kind, **figures)
        ctx.say("promise_how_to_pay")
        return [
            SlotSet(plan_slots.PROMISE_ID, promise.promise_id),
            SlotSet(plan_slots.PROMISE_NEEDS, []),
        ]
