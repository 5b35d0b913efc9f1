"""How to pay: each channel's steps, cut-off and posting time; the borrower's own reference."""

from __future__ import annotations

from actions.base import ActionContext, Events, RepayAction


class ActionChannels(RepayAction):
    """Channels are public; the repayment reference is shown only to a verified borrower."""

    action_name = "action_channels"

    async def execute(self, ctx: ActionContext) -> Events:
        lang = ctx.lang
        config = ctx.services.channels
        borrower = await ctx.verified_borrower()
        ctx.say("channels_intro")
        for channel in config.channels:
            steps = "\n".join(f"{i}. {step}" for i, step in enumerate(channel.steps.get(lang), 1))
            ctx.say(
                "channel_detail",
                name=channel.name.get(lang),
                steps=steps,
                cutoff=f"{channel.cutoff_time:%H:%M}",
                posting=channel.posting.get(lang),
            )
            if channel.hours is not None:
                ctx.say("channel_hours", hours=channel.hours.get(lang))
        ctx.say(
            "channels_payee",
            account_name=config.payee.account_name.get(lang),
            bank=config.payee.bank.get(lang),
            account_number=config.payee.account_number,
        )
        if borrower is None:
            ctx.say("channels_reference_after_verify")
            return []
        for loan in borrower.loans:
            ctx.say("channels_reference", loan_id=loan.loan_id, reference=loan.repayment_reference)
        return []
