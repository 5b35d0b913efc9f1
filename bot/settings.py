"""Settings: one pydantic-settings class per concern, read from the environment and `.env`."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _config(prefix: str = "") -> SettingsConfigDict:
    return SettingsConfigDict(
        env_prefix=prefix, env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )


class TelegramSettings(BaseSettings):
    """How the bot reaches Telegram (or a Bot API stand-in)."""

    model_config = _config()

    bot_token: SecretStr | None = None
    telegram_api_url: str | None = Field(
        default=None, description="Another Bot API server, e.g. http://127.0.0.1:8081"
    )


class WebhookSettings(BaseSettings):
    """Webhook mode: where Telegram posts updates, and how the posts are checked."""

    model_config = _config("WEBHOOK_")

    url: str | None = Field(default=None, description="Public https URL Telegram posts to")
    path: str = "/telegram/webhook"
    secret: SecretStr | None = Field(
        default=None, description="X-Telegram-Bot-Api-Secret-Token; required in webhook mode"
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8443, gt=0, lt=65536)
    ip_filter: bool = Field(default=False, description="Accept only Telegram's networks")
    trusted_proxies: list[str] = Field(
        default_factory=list, description="Proxies whose X-Forwarded-For is believed"
    )
    max_concurrent_updates: int = Field(default=64, gt=0)
    set_webhook: bool = Field(default=True, description="Call setWebhook at start-up")


class RedisSettings(BaseSettings):
    """Where state lives. Without REDIS_URL an embedded redis-server is started under var/."""

    model_config = _config()

    redis_url: str | None = None
    redis_data_dir: Path = PROJECT_ROOT / "var" / "redis"
    state_ttl_seconds: int = Field(default=7 * 24 * 3600, gt=0)
    transcript_ttl_days: int = Field(default=400, gt=0)


class LimitsSettings(BaseSettings):
    """Flood control for incoming messages (per borrower, across every worker)."""

    model_config = _config("LIMITS_")

    messages_per_window: int = Field(default=8, gt=0)
    window_seconds: int = Field(default=4, gt=0)
    notice_seconds: int = Field(default=15, gt=0)


class IdentitySettings(BaseSettings):
    """Verification limits and how long a Telegram user stays bound to a borrower."""

    model_config = _config("IDENTITY_")

    binding_ttl_days: int = Field(default=30, gt=0)
    max_failures: int = Field(default=5, gt=0)
    failure_window_seconds: int = Field(default=3600, gt=0)
    lockout_seconds: int = Field(default=1800, gt=0)
    phone_region: str = "CN"


class ContentSettings(BaseSettings):
    """The lender's data and texts: ledger, payment channels, self-service policy, catalogs."""

    model_config = _config()

    ledger_path: Path = PROJECT_ROOT / "config" / "ledger.demo.yaml"
    channels_path: Path = PROJECT_ROOT / "config" / "channels.yaml"
    policy_path: Path = PROJECT_ROOT / "config" / "policy.yaml"
    handoff_path: Path = PROJECT_ROOT / "config" / "handoff.yaml"
    locales_dir: Path = PROJECT_ROOT / "nlu_data" / "responses"
    default_language: str = Field(default="zh", pattern=r"^(zh|en)$")
    lender_name_zh: str = "示例消费金融"
    lender_name_en: str = "Example Consumer Finance"

    def lender_name(self, lang: str) -> str:
        return self.lender_name_zh if lang == "zh" else self.lender_name_en


class AgentsSettings(BaseSettings):
    """Where people take over: the agents' forum supergroup, and who may act on tickets."""

    model_config = _config()

    agents_chat_id: int | None = Field(
        default=None, description="Supergroup with forum topics where handoffs arrive"
    )
    agent_ids: list[int] = Field(
        default_factory=list, description="Extra agents allowed to act (besides group members)"
    )
    crisis_country: str = "CN"
    agents_lang: str = Field(default="zh", pattern=r"^(zh|en)$")


class ActionsSettings(BaseSettings):
    """Actions run in-process unless ACTIONS_URL names a rasa-sdk action server."""

    model_config = _config()

    actions_url: str | None = None
    actions_timeout_seconds: float = Field(default=10.0, gt=0)


class NluSettings(BaseSettings):
    """Where the NLU reads training data and keeps its model; RASA_NLU_URL uses a Rasa server."""

    model_config = _config("NLU_")

    data_dir: Path = PROJECT_ROOT / "nlu_data"
    model_dir: Path = PROJECT_ROOT / "var" / "nlu"
    threshold: float = Field(default=0.3, ge=0, le=1)
    rasa_nlu_url: str | None = Field(default=None, validation_alias="RASA_NLU_URL")


class OpsSettings(BaseSettings):
    """The operations web page and /metrics: bound to loopback, protected by a token."""

    model_config = _config("OPS_")

    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    token: SecretStr | None = None
    timezone: str = Field(default="Asia/Shanghai", description="Day boundaries of the figures")


class Settings:
    """All settings, each concern read on its own (so every one is overridable in tests)."""

    def __init__(
        self,
        telegram: TelegramSettings | None = None,
        redis: RedisSettings | None = None,
        identity: IdentitySettings | None = None,
        content: ContentSettings | None = None,
        actions: ActionsSettings | None = None,
        agents: AgentsSettings | None = None,
        webhook: WebhookSettings | None = None,
        limits: LimitsSettings | None = None,
        nlu: NluSettings | None = None,
        ops: OpsSettings | None = None,
    ) -> None:
        self.telegram = telegram or TelegramSettings()
        self.redis = redis or RedisSettings()
        self.identity = identity or IdentitySettings()
        self.content = content or ContentSettings()
        self.actions = actions or ActionsSettings()
        self.agents = agents or AgentsSettings()
        self.webhook = webhook or WebhookSettings()
        self.limits = limits or LimitsSettings()
        self.nlu = nlu or NluSettings()
        self.ops = ops or OpsSettings()
