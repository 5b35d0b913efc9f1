"""A plan an agent approves outside the self-service limits, recorded with the agent's id."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions import slots
from actions.base import ActionContext, Events, RepayAction
from actions.domain.display import format_date
from actions.domain.hardship import quote_deferral, quote_installments
from actions.domain.money import format_money
from actions.domain.plans import PlanError


class ActionAgentApprovePlan(RepayAction):
    """Slots: borrower_id, approved_by, and installments or defer_days. No eligibility check:
    the agent's approval is the exception the policy allows."""

    action_name = "action_agent_approve_plan"

    async def execute(self, ctx: ActionContext) -> Events:
        services = ctx.services
        borrower = await services.ledger.get(str(ctx.slot(slots.BORROWER_ID) or ""))
        approved_by = ctx.slot(slots.APPROVED_BY)
        if borrower is None or not approved_by:
            ctx.say("agent_plan_failed", reason="unknown borrower")
            return []
        history = await services.plans.history(borrower.borrower_id)
        now = services.clock.now()
        installments, defer_days = ctx.slot(slots.INSTALLMENTS), ctx.slot(slots.DEFER_DAYS)
        if installments:
            quote = quote_installments(
                borrower,
                count=int(installments),
                policy=services.policy,
                history=history,
                now=now,
            )
        elif defer_days:
            quote = quote_deferral(
                borrower, days=int(defer_days), policy=services.policy, history=history, now=now
            )
        else:
            ctx.say("agent_plan_failed", reason="installments or defer_days needed")
            return []
        try:
            plan = await services.plans.record(quote, approved_by=str(approved_by))
        except PlanError as exc:
            ctx.say("agent_plan_failed", reason=str(exc))
            return []
        await services.stats.incr("plans")
        lang = ctx.lang
        lines = "\n".join(
            f"{format_date(item.due, lang)}  {format_money(item.amount, plan.currency, lang)}"
            for item in plan.schedule
        )
        ctx.say(
            "agent_plan_recorded",
            plan_id=plan.plan_id,
            schedule=lines,
            total=format_money(plan.total, plan.currency, lang),
        )
        return [SlotSet(slots.PLAN_ID, plan.plan_id)]
