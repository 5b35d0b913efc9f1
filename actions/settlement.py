"""Paying the whole loan off early: what is overdue and what principal remains, as the ledger
shows them. The exact figure to close a loan early (interest up to the day of payment) is the
lender's to confirm, so the bot names no such figure and offers a person or a call."""

from __future__ import annotations

from actions.balance import statements_shown
from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account


class ActionSettlement(VerifiedAction):
    action_name = "action_settlement"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        for _, figures in await statements_shown(ctx, account.borrower):
            ctx.say("settlement_figures", **figures)
        ctx.say("settlement_next")
        return []
