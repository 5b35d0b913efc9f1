""" "What did I agree to?": a borrower's active plan, open promises and upcoming callbacks."""

from __future__ import annotations

from pydantic import BaseModel, Field

from actions.domain.callbacks import Callback, CallbackStore
from actions.domain.plans import Plan, PlanStore
from actions.domain.promises import Promise, PromiseStore


class Agreements(BaseModel):
    borrower_id: str
    plan: Plan | None = None
    promises: list[Promise] = Field(default_factory=list)
    callbacks: list[Callback] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.plan is None and not self.promises and not self.callbacks


async def current_agreements(
    borrower_id: str, *, plans: PlanStore, promises: PromiseStore, callbacks: CallbackStore
) -> Agreements:
    """What is in force now: the active plan, open promises (soonest first), upcoming callbacks."""
    return Agreements(
        borrower_id=borrower_id,
        plan=await plans.active(borrower_id),
        promises=await promises.open_promises(borrower_id),
        callbacks=await callbacks.upcoming(borrower_id),
    )
