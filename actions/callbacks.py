"""Callbacks: the next free slots (or those near the time asked for), booking, cancelling and
rebooking, each atomic in Redis so a slot is never over capacity. A time asked for when the
team does not call (a Sunday, midnight) or beyond the days bookable is said to be so before
the nearest free times are shown."""

from __future__ import annotations

from datetime import datetime

from rasa_sdk.events import SlotSet

from actions import plan_slots
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.callbacks import check_slot
from actions.domain.hardship import pick_loan
from actions.domain.reasons import ReasonCode
from actions.explain import format_slot, say_reason

SLOTS_OFFERED = 5
# Why a time asked for cannot be had, said before the nearest free times.
_SAID_OF_A_TIME_ASKED = frozenset({ReasonCode.CALLBACK_OUTSIDE_HOURS, ReasonCode.CALLBACK_TOO_FAR})


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class ActionCallbackOffer(VerifiedAction):
    """Offers free slots; mentions an upcoming callback, which a new choice moves."""

    action_name = "action_callback_offer"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        store = ctx.services.callbacks
        tz = borrower.tz
        upcoming = await store.upcoming(borrower.borrower_id)
        if upcoming:
            current = upcoming[0]
            ctx.say(
                "callback_existing",
                callback_id=current.callback_id,
                when=format_slot(current.start, current.end, tz, ctx.lang),
            )
        near = _moment(ctx.slot(plan_slots.CALLBACK_NEAR))
        if near is not None and near.tzinfo is None:
            near = near.replace(tzinfo=tz)
        slots = await store.free_slots(tz, limit=SLOTS_OFFERED, near=near)
        if near is not None:
            policy = ctx.services.policy.callbacks
            refusal = check_slot(near, now=ctx.services.clock.now(), tz=tz, policy=policy)
            if refusal is not None and refusal.code in _SAID_OF_A_TIME_ASKED:
                currency = pick_loan(borrower).currency
                say_reason(ctx, refusal.code, refusal.params, currency=currency, tz=tz)
        if not slots:
            ctx.say("callback_no_slots")
        elif near is not None:
            ctx.say("callback_choose_near", timezone=tz.key)
        else:
            ctx.say("callback_choose", timezone=tz.key)
        return [
            SlotSet(plan_slots.CALLBACK_SLOTS, [s.start.isoformat() for s in slots]),
            SlotSet(plan_slots.CALLBACK_UPCOMING, upcoming[0].callback_id if upcoming else None),
        ]


class ActionCallbackBook(VerifiedAction):
    """Books the chosen slot, or moves the borrower's upcoming callback there."""

    action_name = "action_callback_book"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        store = ctx.services.callbacks
        tz = borrower.tz
        start = _moment(ctx.slot(plan_slots.CALLBACK_START))
        if start is None:
            ctx.say("callback_choose_again")
            return [SlotSet(plan_slots.CALLBACK_SLOTS, [])]
        upcoming = await store.upcoming(borrower.borrower_id)
        if upcoming:
            booking = await store.rebook(borrower.borrower_id, start, tz, upcoming[0].callback_id)
        else:
            booking = await store.book(borrower.borrower_id, start, tz)
        if booking.ok and booking.callback is not None:
            callback = booking.callback
            if not upcoming:  # a call moved is not another call
                await ctx.services.stats.incr("callbacks")
            ctx.say(
                "callback_rebooked" if upcoming else "callback_booked",
                callback_id=callback.callback_id,
                when=format_slot(callback.start, callback.end, tz, ctx.lang),
            )
            return [
                SlotSet(plan_slots.CALLBACK_ID, callback.callback_id),
                SlotSet(plan_slots.CALLBACK_SLOTS, []),
            ]
        assert booking.reason is not None
        currency = pick_loan(borrower).currency
        say_reason(ctx, booking.reason, booking.reason_params, currency=currency, tz=tz)
        if booking.alternatives:
            ctx.say("callback_alternatives", timezone=tz.key)
        elif booking.reason != ReasonCode.CALLBACK_ALREADY_BOOKED:
            ctx.say("callback_no_slots")
        return [
            SlotSet(plan_slots.CALLBACK_ID, None),
            SlotSet(plan_slots.CALLBACK_SLOTS, [s.start.isoformat() for s in booking.alternatives]),
        ]


class ActionCallbackCancel(VerifiedAction):
    """Cancels the callback named (or the soonest upcoming one)."""

    action_name = "action_callback_cancel"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        wanted = ctx.slot(plan_slots.CALLBACK_ID)
        cancelled = await ctx.services.callbacks.cancel(
            borrower.borrower_id, str(wanted) if wanted else None
        )
        if cancelled is None:
            currency = pick_loan(borrower).currency
            say_reason(ctx, ReasonCode.NO_UPCOMING_CALLBACK, {}, currency=currency, tz=borrower.tz)
            return [SlotSet(plan_slots.CALLBACK_UPCOMING, None)]
        ctx.say(
            "callback_cancelled",
            callback_id=cancelled.callback_id,
            when=format_slot(cancelled.start, cancelled.end, borrower.tz, ctx.lang),
        )
        return [SlotSet(plan_slots.CALLBACK_UPCOMING, None), SlotSet(plan_slots.CALLBACK_ID, None)]
