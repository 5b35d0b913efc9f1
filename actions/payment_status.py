"""Did my payment arrive? When each channel posts, and what the loan shows now: the bot sees
posted payments only, so a payment not yet shown is for a person to check."""

from __future__ import annotations

from actions.balance import statements_shown
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account


class ActionPaymentStatus(VerifiedAction):
    action_name = "action_payment_status"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        lang = ctx.lang
        lines = (
            f"• {c.name.get(lang)} — {c.posting.get(lang)}" for c in ctx.services.channels.channels
        )
        ctx.say("payment_status_posting", channels="\n".join(lines))
        for _, figures in await statements_shown(ctx, account.borrower):
            ctx.say("payment_status_now", **figures)
        ctx.say("payment_status_check")
        return []
