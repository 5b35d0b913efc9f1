"""Preferences the borrower sets: no proactive messages, or no contact with third parties."""

from __future__ import annotations

from actions import slots
from actions.base import ActionContext, Events, RepayAction


class ActionOptOut(RepayAction):
    """Records the opt-out the borrower asked for: from proactive messages, or from any contact
    with their family, friends or workplace (`OPT_OUT_OF` "third_parties"). The borrower can
    still write to the bot at any time."""

    action_name = "action_opt_out"

    async def execute(self, ctx: ActionContext) -> Events:
        preferences, now = ctx.services.preferences, ctx.services.clock.now()
        if ctx.slot(slots.OPT_OUT_OF) == "third_parties":
            await preferences.no_third_parties(ctx.user_id, now)
            ctx.say("optout_third_parties")
        else:
            await preferences.opt_out(ctx.user_id, now)
            ctx.say("optout_confirmed")
        return []
