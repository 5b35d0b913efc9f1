"""The bot's services, built from settings by one factory (the same one the tests use)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property, partial
from zoneinfo import ZoneInfo

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from actions.domain.accounts import AccountReader
from actions.domain.callbacks import CallbackStore
from actions.domain.channels import ChannelsConfig
from actions.domain.clock import Clock, SystemClock
from actions.domain.handoff_policy import load_handoff_policy
from actions.domain.identity import IdentityStore, VerificationLimits
from actions.domain.ledger import FileLedger
from actions.domain.plans import PlanStore
from actions.domain.policy import load_policy
from actions.domain.preferences import PreferenceStore
from actions.domain.promises import PromiseStore
from actions.domain.stats import DailyStats
from actions.domain.tickets import TicketStore
from actions.registry import build_executor
from actions.services import ActionServices, ServicesProvider
from bot.action_client import ActionClient, HttpActionClient, InProcessActionClient
from bot.i18n import Catalog
from bot.metrics import Metrics
from bot.nlu.base import NLU
from bot.outage import OutageLog
from bot.redis_connections import use_bot_connections
from bot.settings import Settings
from bot.transcript import TranscriptStore

DEFAULT_TIMEZONE = ZoneInfo("Asia/Shanghai")


@dataclass
class BotServices:
    settings: Settings
    redis: Redis
    clock: Clock
    catalog: Catalog
    nlu_factory: Callable[[], NLU]
    actions: ActionClient
    domain: ActionServices
    transcripts: TranscriptStore
    metrics: Metrics
    # One per process: an outage is reported once, whoever meets it first.
    redis_outage: OutageLog = field(default_factory=lambda: OutageLog("Redis"))

    @cached_property
    def nlu(self) -> NLU:
        """The NLU, built on first use (the agents' console never needs one)."""
        return self.nlu_factory()

    def local_now(self) -> datetime:
        """Now in the lender's timezone, where borrowers live unless the ledger says otherwise:
        the NLU resolves "tomorrow" or "下周五" against this date, not the server's (UTC)."""
        return self.clock.now().astimezone(self.domain.default_tz)

    async def close(self) -> None:
        await self.actions.close()
        await self.redis.aclose()


def verification_limits(settings: Settings) -> VerificationLimits:
    identity = settings.identity
    return VerificationLimits(
        max_failures=identity.max_failures,
        failure_window=timedelta(seconds=identity.failure_window_seconds),
        lockout=timedelta(seconds=identity.lockout_seconds),
        binding_ttl=timedelta(days=identity.binding_ttl_days),
    )


def build_action_services(settings: Settings, redis: Redis, clock: Clock) -> ActionServices:
    """Ledger, stores and configuration: everything a business rule needs.

    A wrong policy file raises `PolicyError` (naming the file and field) here, at start-up.
    """
    policy = load_policy(settings.content.policy_path)
    ledger = FileLedger.load(settings.content.ledger_path)
    plans = PlanStore(redis, clock)
    return ActionServices(
        redis=redis,
        clock=clock,
        ledger=ledger,
        channels=ChannelsConfig.load(settings.content.channels_path),
        identity=IdentityStore(redis, clock, verification_limits(settings)),
        accounts=AccountReader(redis, ledger, plans),
        preferences=PreferenceStore(redis),
        policy=policy,
        plans=plans,
        promises=PromiseStore(redis, clock),
        callbacks=CallbackStore(redis, clock, policy.callbacks),
        tickets=TicketStore(redis, clock),
        stats=DailyStats(redis, clock, ZoneInfo(settings.ops.timezone)),
        handoff=load_handoff_policy(settings.content.handoff_path),
        default_tz=DEFAULT_TIMEZONE,
        phone_region=settings.identity.phone_region,
    )


def redis_client(url: str) -> Redis:
    """A client that retries briefly with backoff and reconnects by itself after an outage,
    on the bot's connections (`bot.redis_connections`)."""
    client = Redis.from_url(
        url,
        decode_responses=False,
        health_check_interval=30,
        socket_connect_timeout=2,
        socket_timeout=5,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), retries=3),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )
    return use_bot_connections(client)


def build_nlu(settings: Settings) -> NLU:
    """The trained classifier (trained now if its artifact is missing or stale), or a Rasa
    server's /model/parse when RASA_NLU_URL is set."""
    from bot.nlu.factory import build_nlu as build_trained_nlu

    nlu = settings.nlu
    return build_trained_nlu(nlu.data_dir, nlu.model_dir, nlu.threshold, nlu.rasa_nlu_url)


def build_services(
    settings: Settings,
    redis_url: str,
    *,
    clock: Clock | None = None,
    nlu: NLU | None = None,
    load_nlu: bool = True,
) -> BotServices:
    """Everything the dispatcher's handlers receive.

    The NLU is loaded (or trained) here unless `load_nlu` is False, so a bot's first message
    does not wait for it; a process that parses no messages skips it.
    """
    clock = clock or SystemClock()
    redis = redis_client(redis_url)
    domain = build_action_services(settings, redis, clock)
    actions: ActionClient
    if settings.actions.actions_url:
        actions = HttpActionClient(
            settings.actions.actions_url, timeout=settings.actions.actions_timeout_seconds
        )
    else:
        actions = InProcessActionClient(build_executor(ServicesProvider(services=domain)))
    services = BotServices(
        settings=settings,
        redis=redis,
        clock=clock,
        catalog=Catalog.load(settings.content.locales_dir),
        nlu_factory=(lambda: nlu) if nlu is not None else partial(build_nlu, settings),
        actions=actions,
        domain=domain,
        transcripts=TranscriptStore(redis, ttl_days=settings.redis.transcript_ttl_days),
        metrics=Metrics(),
    )
    if load_nlu:
        _ = services.nlu
    return services
