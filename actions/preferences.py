"""Preferences the borrower sets: opting out of proactive messages."""

from __future__ import annotations

from actions.base import ActionContext, Events, RepayAction


class ActionOptOut(RepayAction):
    """Records the opt-out; the borrower can still write to the bot at any time."""

    action_name = "action_opt_out"

    async def execute(self, ctx: ActionContext) -> Events:
        await ctx.services.preferences.opt_out(ctx.user_id, ctx.services.clock.now())
        ctx.say("optout_confirmed")
        return []
