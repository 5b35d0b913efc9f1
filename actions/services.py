"""What actions need (ledger, stores, configuration), built once per process from settings."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from actions.domain.accounts import AccountReader
from actions.domain.callbacks import CallbackStore
from actions.domain.channels import ChannelsConfig
from actions.domain.clock import Clock
from actions.domain.handoff_policy import HandoffPolicy
from actions.domain.identity import IdentityStore
from actions.domain.ledger import Ledger
from actions.domain.plans import PlanStore
from actions.domain.policy import Policy
from actions.domain.preferences import PreferenceStore
from actions.domain.promises import PromiseStore
from actions.domain.stats import DailyStats
from actions.domain.tickets import TicketStore


@dataclass
class ActionServices:
    redis: Redis
    clock: Clock
    ledger: Ledger
    channels: ChannelsConfig
    identity: IdentityStore
    accounts: AccountReader
    preferences: PreferenceStore
    policy: Policy
    plans: PlanStore
    promises: PromiseStore
    callbacks: CallbackStore
    tickets: TicketStore
    stats: DailyStats
    handoff: HandoffPolicy
    default_tz: ZoneInfo
    phone_region: str = "CN"


ServicesFactory = Callable[[], Awaitable[ActionServices]]


class ServicesProvider:
    """Hands actions their services; builds them lazily so a server worker builds its own.

    Picklable (the rasa-sdk server may pickle its executor into worker processes): only the
    factory travels, never live clients.
    """

    def __init__(
        self,
        factory: ServicesFactory | None = None,
        services: ActionServices | None = None,
    ) -> None:
        if factory is None and services is None:
            raise ValueError("ServicesProvider needs a factory or ready services")
        self._factory = factory
        self._services = services
        self._lock: asyncio.Lock | None = None

    async def get(self) -> ActionServices:
        if self._services is not None:
            return self._services
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._services is None:
                assert self._factory is not None
                self._services = await self._factory()
        return self._services

    def __getstate__(self) -> dict[str, Any]:
        return {"_factory": self._factory, "_services": None, "_lock": None}
