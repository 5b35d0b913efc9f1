""" "What did I agree to?": the active plan, open promises and upcoming callback, in full."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions import plan_slots
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.agreements import current_agreements
from actions.domain.money import format_money
from actions.explain import format_slot, format_when, schedule_lines


class ActionAgreements(VerifiedAction):
    action_name = "action_agreements"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        services = ctx.services
        found = await current_agreements(
            borrower.borrower_id,
            plans=services.plans,
            promises=services.promises,
            callbacks=services.callbacks,
        )
        lang, tz = ctx.lang, borrower.tz
        if found.empty:
            ctx.say("agreements_none")
            return [
                SlotSet(plan_slots.CALLBACK_UPCOMING, None),
                SlotSet(plan_slots.PROMISE_OPEN, []),
            ]
        ctx.say("agreements_intro")
        plan = found.plan
        if plan is not None:
            ctx.say(
                "agreements_plan_installments"
                if plan.kind == "installments"
                else "agreements_plan_deferral",
                plan_id=plan.plan_id,
                schedule=schedule_lines(plan.schedule, currency=plan.currency, lang=lang),
                total=format_money(plan.total, plan.currency, lang),
            )
        for promise in found.promises:
            ctx.say(
                "agreements_partial" if promise.kind == "partial" else "agreements_promise",
                promise_id=promise.promise_id,
                amount=format_money(promise.amount, promise.currency, lang),
                when=format_when(promise.due_date, promise.due_time, tz, lang),
            )
        for callback in found.callbacks:
            ctx.say(
                "agreements_callback",
                callback_id=callback.callback_id,
                when=format_slot(callback.start, callback.end, tz, lang),
            )
        upcoming = found.callbacks[0].callback_id if found.callbacks else None
        return [
            SlotSet(plan_slots.CALLBACK_UPCOMING, upcoming),
            SlotSet(plan_slots.PROMISE_OPEN, [p.promise_id for p in found.promises]),
        ]
