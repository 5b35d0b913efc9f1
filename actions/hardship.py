"""Hardship plans: what a borrower may choose, an exact quote, and recording what they accept."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from pydantic import ValidationError
from rasa_sdk.events import SlotSet

from actions import plan_slots
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.display import format_date
from actions.domain.hardship import (
    Quote,
    hardship_options,
    pick_loan,
    quote_deferral,
    quote_installments,
)
from actions.domain.money import format_money
from actions.domain.plans import PlanError
from actions.domain.reasons import ReasonCode
from actions.explain import refuse, say_reason, schedule_lines


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _options_events(ctx: ActionContext, account: Account) -> tuple[Events, bool]:
    """The options slot (when the borrower may choose a plan at all) and whether they may."""
    services = ctx.services
    options = hardship_options(
        account.borrower, policy=services.policy, history=account.history, now=services.clock.now()
    )
    if not options.eligible:
        return [SlotSet(plan_slots.PLAN_OPTIONS, None)], False
    return [SlotSet(plan_slots.PLAN_OPTIONS, options.model_dump(mode="json"))], True


def say_quote(ctx: ActionContext, quote: Quote) -> None:
    """The exact schedule: dates and amounts, the total, whether fees freeze; asks to confirm."""
    money = partial(format_money, currency=quote.currency, lang=ctx.lang)
    if quote.kind == "installments":
        ctx.say(
            "plan_quote_installments",
            count=str(quote.installments),
            amount=money(quote.amount),
            schedule=schedule_lines(quote.schedule, currency=quote.currency, lang=ctx.lang),
            total=money(quote.total),
        )
    else:
        ctx.say(
            "plan_quote_deferral",
            days=str(quote.defer_days),
            amount=money(quote.amount),
            due=format_date(quote.schedule[0].due, ctx.lang),
            total=money(quote.total),
        )
    ctx.say("plan_fees_frozen" if quote.frozen_fees else "plan_fees_not_frozen")
    ctx.say("plan_confirm_ask")


EXAMPLE_DEFER_DAYS = 14


def say_examples(ctx: ActionContext, counts: Sequence[int], max_defer_days: int | None) -> None:
    """How to choose, with examples this borrower can actually have: a count from the middle
    of their range, and a deferral only when one is open to them (at most its limit)."""
    instalments = str(counts[len(counts) // 2])
    if max_defer_days is None:
        ctx.say("hardship_choose_instalments", instalments=instalments)
    else:
        days = str(min(EXAMPLE_DEFER_DAYS, max_defer_days))
        ctx.say("hardship_choose", instalments=instalments, days=days)


class ActionHardshipOptions(VerifiedAction):
    """Whether a self-service plan is possible, and which instalments or deferral fit."""

    action_name = "action_hardship_options"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        services = ctx.services
        policy = services.policy
        loan = pick_loan(borrower)
        money = partial(format_money, currency=loan.currency, lang=ctx.lang)
        if account.hold(loan.loan_id):
            # A dispute is open: no plan offers until an agent has closed it.
            ctx.say("hardship_on_hold", loan_id=loan.loan_id)
            return [SlotSet(plan_slots.PLAN_OPTIONS, None)]
        options = hardship_options(
            borrower, policy=policy, history=account.history, now=services.clock.now()
        )
        if not options.eligible:
            assert options.reason is not None
            events = refuse(
                ctx, options.reason, options.reason_params, currency=loan.currency, tz=borrower.tz
            )
            return [SlotSet(plan_slots.PLAN_OPTIONS, None), *events]
        ctx.say("hardship_intro", overdue=money(loan.overdue_total), days=str(loan.days_past_due))
        ctx.say(
            "hardship_option_installments",
            min=str(options.installment_counts[0]),
            max=str(options.installment_counts[-1]),
            within=str(policy.instalments.first_due_within_days),
        )
        if options.max_defer_days is not None:
            ctx.say("hardship_option_deferral", max_days=str(options.max_defer_days))
        elif options.deferral_reason is not None:
            say_reason(
                ctx,
                options.deferral_reason,
                options.deferral_reason_params,
                currency=loan.currency,
                tz=borrower.tz,
            )
        ctx.say("hardship_option_partial", minimum=money(policy.partial_payment.min_amount))
        say_examples(ctx, options.installment_counts, options.max_defer_days)
        return [SlotSet(plan_slots.PLAN_OPTIONS, options.model_dump(mode="json"))]


class ActionHardshipQuote(VerifiedAction):
    """An exact quote for the option chosen; outside the limits, which limit and why."""

    action_name = "action_hardship_quote"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        services = ctx.services
        history = account.history
        now = services.clock.now()
        kind = ctx.slot(plan_slots.PLAN_KIND)
        if kind == "deferral":
            days = _int(ctx.slot(plan_slots.PLAN_DEFER_DAYS)) or 0
            quote = quote_deferral(
                borrower, days=days, policy=services.policy, history=history, now=now
            )
        else:
            count = _int(ctx.slot(plan_slots.PLAN_INSTALLMENTS)) or 0
            quote = quote_installments(
                borrower, count=count, policy=services.policy, history=history, now=now
            )
        if not quote.eligible:
            assert quote.reason is not None
            events = refuse(
                ctx, quote.reason, quote.reason_params, currency=quote.currency, tz=borrower.tz
            )
            options, eligible = _options_events(ctx, account)
            if eligible:
                ctx.say("hardship_other_options")
            return [SlotSet(plan_slots.PLAN_QUOTE, None), *events, *options]
        say_quote(ctx, quote)
        return [SlotSet(plan_slots.PLAN_QUOTE, quote.model_dump(mode="json"))]


class ActionHardshipAccept(VerifiedAction):
    """Records the quote the borrower confirmed, exactly as shown, if it still holds."""

    action_name = "action_hardship_accept"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        try:
            shown = Quote.model_validate(ctx.slot(plan_slots.PLAN_QUOTE))
        except ValidationError:
            ctx.say("plan_quote_stale")
            return [SlotSet(plan_slots.PLAN_QUOTE, None)]
        if shown.borrower_id != borrower.borrower_id or not shown.schedule:
            ctx.say("plan_quote_stale")
            return [SlotSet(plan_slots.PLAN_QUOTE, None)]
        services = ctx.services
        history = account.history
        now = services.clock.now()
        if shown.kind == "deferral":
            fresh = quote_deferral(
                borrower,
                days=shown.defer_days or 0,
                policy=services.policy,
                history=history,
                now=now,
                loan_id=shown.loan_id,
            )
        else:
            fresh = quote_installments(
                borrower,
                count=shown.installments or 0,
                policy=services.policy,
                history=history,
                now=now,
                first_due=shown.schedule[0].due,
                loan_id=shown.loan_id,
            )
        if not fresh.eligible:
            assert fresh.reason is not None
            events = refuse(
                ctx, fresh.reason, fresh.reason_params, currency=fresh.currency, tz=borrower.tz
            )
            return [SlotSet(plan_slots.PLAN_QUOTE, None), *events]
        if (fresh.schedule, fresh.total, fresh.frozen_fees) != (
            shown.schedule,
            shown.total,
            shown.frozen_fees,
        ):
            ctx.say("plan_quote_changed")
            say_quote(ctx, fresh)
            return [SlotSet(plan_slots.PLAN_QUOTE, fresh.model_dump(mode="json"))]
        try:
            plan = await services.plans.record(fresh)
        except PlanError:
            events = refuse(
                ctx,
                ReasonCode.PLAN_ALREADY_ACTIVE,
                {},
                currency=fresh.currency,
                tz=borrower.tz,
            )
            return [SlotSet(plan_slots.PLAN_QUOTE, None), *events]
        await services.stats.incr("plans")
        money = partial(format_money, currency=plan.currency, lang=ctx.lang)
        ctx.say(
            "plan_recorded",
            plan_id=plan.plan_id,
            schedule=schedule_lines(plan.schedule, currency=plan.currency, lang=ctx.lang),
            total=money(plan.total),
        )
        if plan.frozen_fees:
            ctx.say("plan_fees_frozen")
        ctx.say("plan_recorded_next")
        return [SlotSet(plan_slots.PLAN_QUOTE, None), SlotSet(plan_slots.PLAN_ID, plan.plan_id)]
