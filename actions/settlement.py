"""Paying the whole loan off early: what is overdue and what principal remains, as the ledger
shows them. The exact figure to close a loan early (interest up to the day of payment) is the
lender's to confirm, so the bot names no such figure and offers a person or a call."""

from __future__ import annotations

from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.display import format_datetime
from actions.domain.money import format_money


class ActionSettlement(VerifiedAction):
    action_name = "action_settlement"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        statements = await ctx.services.ledger.statements(
            borrower.borrower_id, ctx.services.clock.now()
        )
        for st in statements:
            ctx.say(
                "settlement_figures",
                loan_id=st.loan_id,
                overdue=format_money(st.overdue_total, st.currency, ctx.lang),
                outstanding=format_money(st.outstanding_principal, st.currency, ctx.lang),
                as_of=format_datetime(st.as_of, borrower.tz, ctx.lang),
            )
        ctx.say("settlement_next")
        return []
