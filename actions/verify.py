"""Identity verification: a phone number that matches the ledger, then the ID's last 4."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from rasa_sdk.events import SlotSet

from actions import slots
from actions.base import ActionContext, Events, RepayAction
from actions.domain.display import format_datetime
from actions.domain.phones import normalise_phone

_ID_DIGITS = re.compile(r"^\s*([0-9]{3}[0-9Xx])\s*$")


async def _locked(ctx: ActionContext) -> bool:
    """Says when verification opens again, if it is locked now."""
    until = await ctx.services.identity.locked_until(ctx.user_id)
    if until is None:
        return False
    _say_locked(ctx, until, ctx.services.default_tz)
    return True


def _say_locked(ctx: ActionContext, until: datetime, tz: ZoneInfo) -> None:
    ctx.say("verify_locked", until=format_datetime(until, tz, ctx.lang))


class ActionVerifyPhone(RepayAction):
    """Takes the shared phone number; asks for the ID digits whether or not it is known."""

    action_name = "action_verify_phone"

    async def execute(self, ctx: ActionContext) -> Events:
        if await _locked(ctx):
            return [SlotSet(slots.CANDIDATE_BORROWER, None)]
        phone = normalise_phone(str(ctx.slot(slots.PHONE) or ""), ctx.services.phone_region)
        if phone is None:
            ctx.say("verify_phone_invalid")
            return [SlotSet(slots.CANDIDATE_BORROWER, None)]
        borrower = await ctx.services.ledger.find_by_phone(phone)
        # The same answer either way: nothing tells whether the number is a borrower's.
        ctx.say("verify_ask_id")
        return [SlotSet(slots.CANDIDATE_BORROWER, borrower.borrower_id if borrower else "")]


class ActionVerifyId(RepayAction):
    """Checks the last 4 ID characters; binds on success, counts failures, locks after too many."""

    action_name = "action_verify_id"

    async def execute(self, ctx: ActionContext) -> Events:
        # The lock is checked in the same Redis call that binds or counts a failure.
        match = _ID_DIGITS.match(str(ctx.slot(slots.ID_DIGITS) or ""))
        if match is None:
            if await _locked(ctx):
                return [SlotSet(slots.CANDIDATE_BORROWER, None)]
            ctx.say("verify_id_format")
            return []
        candidate = ctx.slot(slots.CANDIDATE_BORROWER) or ""
        borrower = await ctx.services.ledger.get(candidate) if candidate else None
        tz: ZoneInfo = borrower.tz if borrower else ctx.services.default_tz
        if borrower is not None and borrower.id_matches(match.group(1)):
            locked_until = await ctx.services.identity.bind(ctx.user_id, borrower.borrower_id)
            if locked_until is not None:
                _say_locked(ctx, locked_until, tz)
                return [SlotSet(slots.CANDIDATE_BORROWER, None)]
            ctx.say("verify_success")
            return [
                SlotSet(slots.BORROWER_ID, borrower.borrower_id),
                SlotSet(slots.CANDIDATE_BORROWER, None),
            ]
        outcome = await ctx.services.identity.record_failure(ctx.user_id)
        if outcome.locked_until is not None:
            _say_locked(ctx, outcome.locked_until, tz)
            return [SlotSet(slots.CANDIDATE_BORROWER, None)]
        ctx.say("verify_failed", remaining=outcome.remaining)
        return []


class ActionLogout(RepayAction):
    """Ends the binding between this Telegram user and the borrower."""

    action_name = "action_logout"

    async def execute(self, ctx: ActionContext) -> Events:
        ended = await ctx.services.identity.unbind(ctx.user_id)
        ctx.say("logout_done" if ended else "logout_not_verified")
        return [SlotSet(slots.BORROWER_ID, None)]
