"""The base of every action: services injection, the caller's identity, and safe failure."""

from __future__ import annotations

import logging
from abc import abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import slots
from actions.domain.accounts import Account
from actions.domain.ledger import Borrower
from actions.services import ActionServices, ServicesProvider

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]


class ActionContext:
    """One action call: the dispatcher to utter with, the tracker, the services."""

    def __init__(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, services: ActionServices
    ) -> None:
        self.dispatcher = dispatcher
        self.tracker = tracker
        self.services = services

    @property
    def user_id(self) -> int:
        return int(self.tracker.sender_id)

    @property
    def lang(self) -> str:
        return str(self.tracker.get_slot(slots.LANG) or "zh")

    def slot(self, name: str) -> Any:
        return self.tracker.get_slot(name)

    def say(self, response: str, **variables: Any) -> None:
        self.dispatcher.utter_message(response=response, **variables)

    async def verified_account(self) -> Account | None:
        """The borrower this Telegram user is bound to right now, checked against Redis, with
        their holds and plan history read in the same call."""
        return await self.services.accounts.verified(self.user_id, self.slot(slots.BORROWER_ID))

    async def verified_borrower(self) -> Borrower | None:
        account = await self.verified_account()
        return account.borrower if account is not None else None


class RepayAction(Action):
    """An action with services; an unexpected error becomes a polite reply, never a leak."""

    action_name: str = ""

    def __init__(self, provider: ServicesProvider) -> None:
        self._provider = provider

    def name(self) -> str:
        return self.action_name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        try:
            services = await self._provider.get()
            return await self.execute(ActionContext(dispatcher, tracker, services))
        except Exception:
            logger.exception("action %s failed", self.action_name)
            dispatcher.messages.clear()
            dispatcher.utter_message(response="error_temporary")
            return []

    @abstractmethod
    async def execute(self, ctx: ActionContext) -> Events:
        """The business rule; returns events (slot changes) and utters response names."""


class VerifiedAction(RepayAction):
    """An action that shows loan data: refuses, with nothing revealed, unless verified."""

    async def execute(self, ctx: ActionContext) -> Events:
        account = await ctx.verified_account()
        if account is None:
            ctx.say("verify_required")
            return []
        return await self.execute_verified(ctx, account)

    @abstractmethod
    async def execute_verified(self, ctx: ActionContext, account: Account) -> Events:
        """Runs only for a verified borrower."""
