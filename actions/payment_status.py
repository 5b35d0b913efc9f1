"""Did my payment arrive? When each channel posts, and what the loan shows now: the bot sees
posted payments only, so a payment not yet shown is for a person to check."""

from __future__ import annotations

from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.display import format_datetime
from actions.domain.money import format_money


class ActionPaymentStatus(VerifiedAction):
    action_name = "action_payment_status"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        lang = ctx.lang
        borrower = account.borrower
        lines = (
            f"• {c.name.get(lang)} — {c.posting.get(lang)}" for c in ctx.services.channels.channels
        )
        ctx.say("payment_status_posting", channels="\n".join(lines))
        statements = await ctx.services.ledger.statements(
            borrower.borrower_id, ctx.services.clock.now()
        )
        for st in statements:
            ctx.say(
                "payment_status_now",
                loan_id=st.loan_id,
                total=format_money(st.overdue_total, st.currency, lang),
                as_of=format_datetime(st.as_of, borrower.tz, lang),
            )
        ctx.say("payment_status_check")
        return []
