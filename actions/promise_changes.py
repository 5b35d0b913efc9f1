"""A recorded promise changed or cancelled: which one is meant, and cancelling it.

The change itself is a promise checked and recorded by `actions.promises`, with `PROMISE_REF`
naming the promise it replaces."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions import plan_slots
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.hardship import pick_loan
from actions.domain.ledger import Borrower
from actions.domain.money import format_money
from actions.domain.promises import Promise, check_change, not_open
from actions.domain.reasons import ReasonCode, Refusal
from actions.explain import format_when, refuse, say_reason


def ends(needs: str, *events: SlotSet) -> Events:
    """Slots that end the change here: "which" (one to pick) or "nothing" (the reason said)."""
    return [SlotSet(plan_slots.PROMISE_NEEDS, [needs]), *events]


def say_refusal(ctx: ActionContext, borrower: Borrower, refusal: Refusal) -> Events:
    """The reason a promise cannot be changed; past the policy's limit, a person is offered."""
    currency = pick_loan(borrower).currency
    return refuse(ctx, refusal.code, refusal.params, currency=currency, tz=borrower.tz)


def promise_line(ctx: ActionContext, promise: Promise, borrower: Borrower) -> dict[str, str]:
    """The figures a text says a promise with."""
    return {
        "promise_id": promise.promise_id,
        "amount": format_money(promise.amount, promise.currency, ctx.lang),
        "when": format_when(promise.due_date, promise.due_time, borrower.tz, ctx.lang),
    }


async def target(ctx: ActionContext, borrower: Borrower) -> tuple[Promise | None, Events]:
    """The open promise `PROMISE_REF` names, or the only open one when it names none; else
    None, with the reply said and the slots that end the change."""
    store = ctx.services.promises
    ref = str(ctx.slot(plan_slots.PROMISE_REF) or "")
    if ref:
        found = await store.find_open(borrower.borrower_id, ref)
        if found is None:
            return None, ends("nothing", *say_refusal(ctx, borrower, not_open(ref)))
        return found, []
    promises = await store.open_promises(borrower.borrower_id)
    if not promises:
        currency = pick_loan(borrower).currency
        say_reason(ctx, ReasonCode.NO_OPEN_PROMISE, {}, currency=currency, tz=borrower.tz)
        return None, ends("nothing")
    if len(promises) > 1:
        ctx.say("promise_which")
        for promise in promises:
            ctx.say("agreements_promise", **promise_line(ctx, promise, borrower))
        ids = [p.promise_id for p in promises]
        return None, ends("which", SlotSet(plan_slots.PROMISE_OPEN, ids))
    return promises[0], []


async def changeable(ctx: ActionContext, borrower: Borrower) -> tuple[Promise | None, Events]:
    """`target`, if the policy lets it be changed here."""
    promise, events = await target(ctx, borrower)
    if promise is not None and (refusal := check_change(promise, ctx.services.policy)):
        return None, ends("nothing", *say_refusal(ctx, borrower, refusal))
    return promise, events


class ActionPromiseCancel(VerifiedAction):
    """Cancels the open promise named (or the only one), and says what is still due."""

    action_name = "action_promise_cancel"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        promise, events = await target(ctx, borrower)
        if promise is None:
            return events
        cancelled = await ctx.services.promises.cancel(borrower.borrower_id, promise.promise_id)
        if cancelled is None:  # closed meanwhile
            return ends("nothing", *say_refusal(ctx, borrower, not_open(promise.promise_id)))
        loan = pick_loan(borrower)
        ctx.say("promise_cancelled", **promise_line(ctx, cancelled, borrower))
        ctx.say(
            "promise_cancelled_next",
            overdue=format_money(loan.overdue_total, loan.currency, ctx.lang),
        )
        return [SlotSet(plan_slots.PROMISE_NEEDS, []), SlotSet(plan_slots.PROMISE_REF, None)]
