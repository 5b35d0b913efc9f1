"""Handoff to a person: a ticket with reason, priority and SLA; crisis support at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from rasa_sdk.events import SlotSet

from actions import slots
from actions.base import ActionContext, Events, RepayAction
from actions.domain.display import format_datetime
from actions.domain.handoff_policy import Priority, Reason
from actions.domain.masking import mask_text
from actions.domain.tickets import Ticket, TicketStore

SELF_HARM_SIGNAL = "self_harm"
TRIGGER_LIMIT = 500

# What the borrower told us, said back first (in this order): a death, then abuse at home.
ACKNOWLEDGED_SIGNALS = {
    "vulnerable:death": "handoff_ack_bereavement",
    "vulnerable:abuse": "handoff_ack_abuse",
}
# A dispute or a plain request for a person from someone who also tells of a death or abuse
# ("my dad died, why are you still messaging him") goes to the people who handle those.
OUTRANKED_REASONS = (Reason.DISPUTE, Reason.REQUEST_HUMAN)


def wait_text_key(priority: Priority) -> str:
    return f"handoff_wait_{priority.value}"


def ticket_reason(asked: Reason, signals: Sequence[str], self_harm: bool) -> Reason:
    """The ticket's reason: vulnerable on any sign of self-harm, or when a death or abuse is
    told alongside a dispute or a request for a person; otherwise the reason asked."""
    if self_harm:
        return Reason.VULNERABLE
    if asked in OUTRANKED_REASONS and any(s in ACKNOWLEDGED_SIGNALS for s in signals):
        return Reason.VULNERABLE
    return asked


def acknowledgement(reason: Reason, signals: Sequence[str], self_harm: bool) -> str | None:
    """The catalog key of the line that answers what the borrower told us, if one does
    (crisis support answers self-harm instead)."""
    if self_harm:
        return None
    for signal, key in ACKNOWLEDGED_SIGNALS.items():
        if signal in signals:
            return key
    return "handoff_ack_vulnerable" if reason is Reason.VULNERABLE else None


def _reason(ctx: ActionContext) -> Reason:
    asked = ctx.slot(slots.HANDOFF_REASON) or ctx.tracker.latest_message.get("intent", {}).get(
        "name"
    )
    try:
        return Reason(asked)
    except ValueError:
        return Reason.REQUEST_HUMAN


class ActionHandoff(RepayAction):
    """Opens (or finds) the chat's ticket and tells the borrower plainly what happens next."""

    action_name = "action_handoff"

    async def execute(self, ctx: ActionContext) -> Events:
        services = ctx.services
        policy = services.handoff
        message = ctx.tracker.latest_message or {}
        signals = [str(s) for s in message.get("signals") or []]
        self_harm = any(s.split(":")[0] == SELF_HARM_SIGNAL for s in signals)
        asked = _reason(ctx)
        reason = ticket_reason(asked, signals, self_harm)
        priority = policy.priority(reason, self_harm)
        now = services.clock.now()
        borrower = await ctx.verified_borrower()
        loan_id = borrower.loans[0].loan_id if borrower else None
        if self_harm:
            # Sent before anything else, without waiting for a person.
            ctx.say("crisis_support", hotlines=policy.crisis.hotlines_for(None, ctx.lang))
        if acknowledged := acknowledgement(reason, signals, self_harm):
            ctx.say(acknowledged)
        offered = [str(o) for o in ctx.slot(slots.OFFERED) or []]
        detail = ctx.slot(slots.HANDOFF_DETAIL)
        ticket, created = await services.tickets.open_or_create(
            Ticket(
                ticket_id=TicketStore.new_id(),
                chat_id=ctx.user_id,
                user_id=ctx.user_id,
                borrower_id=borrower.borrower_id if borrower else None,
                loan_id=loan_id,
                lang=ctx.lang,
                reason=reason,
                priority=priority,
                signals=signals,
                trigger_text=mask_text(str(message.get("text") or ""))[:TRIGGER_LIMIT],
                offered=[*offered, *([f"out_of_policy:{detail}"] if detail else [])],
                created_at=now,
                sla_due_at=now + policy.sla(priority),
            ),
            counted=services.stats.handoff_count(ctx.user_id, reason.value),
        )
        ctx.say("handoff_created" if created else "handoff_already_open")
        sla = policy.sla(ticket.priority)
        ctx.say(wait_text_key(ticket.priority), minutes=_minutes(sla), hours=_hours(sla))
        if created and asked is Reason.DISPUTE and loan_id:
            await services.tickets.put_on_hold(loan_id, ticket.ticket_id)
            ctx.say("handoff_dispute_hold")
        shifts = policy.shifts
        if not shifts.on_shift(now):
            back = format_datetime(shifts.next_start(now), shifts.tz, ctx.lang)
            ctx.dispatcher.utter_message(
                response="handoff_out_of_hours",
                back=back,
                buttons=[{"title": "btn_callback", "payload": "menu:callback"}],
            )
        return [
            SlotSet(slots.TICKET_ID, ticket.ticket_id),
            SlotSet(slots.TICKET_CREATED, created),
            SlotSet(slots.TICKET, ticket.model_dump(mode="json")),
        ]


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _hours(delta: timedelta) -> int:
    return max(1, round(delta.total_seconds() / 3600))
