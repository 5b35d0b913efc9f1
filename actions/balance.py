"""Balance: what a verified borrower owes now, with its breakdown, in the stage's tone."""

from __future__ import annotations

from functools import partial

from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.display import format_date, format_datetime
from actions.domain.money import format_money
from actions.domain.stage import delinquency_stage


class ActionBalance(VerifiedAction):
    action_name = "action_balance"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        borrower = account.borrower
        lang = ctx.lang
        statements = await ctx.services.ledger.statements(
            borrower.borrower_id, ctx.services.clock.now()
        )
        on_hold = False
        for st in statements:
            money = partial(format_money, currency=st.currency, lang=lang)
            ctx.say(
                "balance_summary",
                loan_id=st.loan_id,
                total=money(st.overdue_total),
                principal=money(st.overdue_principal),
                interest=money(st.overdue_interest),
                fees=money(st.late_fees),
                days=st.days_past_due,
                outstanding=money(st.outstanding_principal),
                next_due=format_date(st.next_due_date, lang),
                as_of=format_datetime(st.as_of, borrower.tz, lang),
            )
            if account.hold(st.loan_id):
                # A dispute is open: the figures, and no collection prompt at all.
                on_hold = True
                ctx.say("balance_on_hold", loan_id=st.loan_id)
            else:
                ctx.say(f"stage_{delinquency_stage(st.days_past_due).value}")
        if not on_hold:
            ctx.say("balance_next_steps")
        return []
