"""Balance: what a verified borrower owes now, with its breakdown, in the stage's tone."""

from __future__ import annotations

from functools import partial

from actions.base import ActionContext, Events, VerifiedAction
from actions.domain.accounts import Account
from actions.domain.display import format_date, format_datetime
from actions.domain.ledger import Borrower, LoanStatement
from actions.domain.money import format_money
from actions.domain.stage import delinquency_stage


async def statements_shown(
    ctx: ActionContext, borrower: Borrower
) -> list[tuple[LoanStatement, dict[str, object]]]:
    """The borrower's loan statements now, each with its figures as the catalog texts name
    them, formatted in the borrower's language and timezone."""
    statements = await ctx.services.ledger.statements(
        borrower.borrower_id, ctx.services.clock.now()
    )
    shown = []
    for st in statements:
        money = partial(format_money, currency=st.currency, lang=ctx.lang)
        figures: dict[str, object] = {
            "loan_id": st.loan_id,
            "total": money(st.overdue_total),
            "principal": money(st.overdue_principal),
            "interest": money(st.overdue_interest),
            "fees": money(st.late_fees),
            "days": st.days_past_due,
            "outstanding": money(st.outstanding_principal),
            "next_due": format_date(st.next_due_date, ctx.lang),
            "as_of": format_datetime(st.as_of, borrower.tz, ctx.lang),
        }
        shown.append((st, figures))
    return shown


class ActionBalance(VerifiedAction):
    action_name = "action_balance"

    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        on_hold = False
        for st, figures in await statements_shown(ctx, account.borrower):
            ctx.say("balance_summary", **figures)
            if account.hold(st.loan_id):
                # A dispute is open: the figures, and no collection prompt at all.
                on_hold = True
                ctx.say("balance_on_hold", loan_id=st.loan_id)
            else:
                ctx.say(f"stage_{delinquency_stage(st.days_past_due).value}")
        if not on_hold:
            ctx.say("balance_next_steps")
        return []
