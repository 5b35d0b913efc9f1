"""A verified borrower's account: the binding checked and their records read in one Redis call.

An action that shows loan data needs, from Redis, proof that this Telegram user is bound to the
borrower they claim, and often the dispute holds on the borrower's loans and their plan
history. One Lua call checks the binding and returns the records only when it holds: nothing
about a borrower leaves Redis for a user who is not bound to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from actions.domain.identity import IdentityStore
from actions.domain.ledger import Borrower, Ledger
from actions.domain.plans import Plan, PlanStore, plans_from
from actions.domain.redis_util import text
from actions.domain.tickets import hold_key

# KEYS[1] the user's binding, KEYS[2] the borrower's plan history, KEYS[3..] their loans' holds.
# ARGV[1] the borrower claimed. false (nil) unless the binding holds; else the history's values,
# then each hold (nil where the loan has none).
_READ = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local reply = {redis.call('HVALS', KEYS[2])}
for i = 3, #KEYS do reply[#reply + 1] = redis.call('GET', KEYS[i]) end
return reply
"""


@dataclass(frozen=True)
class Account:
    """A borrower this Telegram user is bound to, as of one moment."""

    borrower: Borrower
    holds: Mapping[str, str]  # loan id → the ticket holding it (an open dispute)
    history: list[Plan]  # every plan the borrower has had, oldest first

    def hold(self, loan_id: str) -> str | None:
        return self.holds.get(loan_id)


class AccountReader:
    """Reads accounts; the ledger (the lender's system) is asked only to name the loans."""

    def __init__(self, redis: Redis, ledger: Ledger, plans: PlanStore) -> None:
        self._ledger = ledger
        self._plans = plans
        self._read = redis.register_script(_READ)

    async def verified(self, user_id: int, claimed: Any) -> Account | None:
        """The `claimed` borrower's account, if this Telegram user is bound to them right now."""
        if not isinstance(claimed, str) or not claimed:
            return None  # no claim, nothing to check: not verified
        borrower = await self._ledger.get(claimed)
        if borrower is None:
            return None
        loans = [loan.loan_id for loan in borrower.loans]
        reply = await self._read(
            keys=[
                IdentityStore.binding_key(user_id),
                self._plans.history_key(claimed),
                *(hold_key(loan) for loan in loans),
            ],
            args=[claimed],
        )
        if reply is None:
            return None
        history, *holds = reply
        return Account(
            borrower=borrower,
            holds={
                loan: text(held)
                for loan, held in zip(loans, holds, strict=True)
                if held is not None
            },
            history=plans_from(history),
        )
