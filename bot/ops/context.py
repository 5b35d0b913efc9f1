"""What the ops views read from, stored on the app under `OPS`; display helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web

from actions.domain.clock import Clock
from actions.domain.ledger import Ledger
from actions.domain.preferences import PreferenceStore
from actions.domain.stats import DailyStats
from actions.domain.tickets import TicketStore
from bot.metrics import Metrics
from bot.transcript import TranscriptStore


@dataclass(frozen=True)
class OpsContext:
    """Stores, metrics, clock, and the timezone times are shown in."""

    tickets: TicketStore
    transcripts: TranscriptStore
    stats: DailyStats
    metrics: Metrics
    clock: Clock
    tz: ZoneInfo
    ledger: Ledger | None = None
    preferences: PreferenceStore | None = None
    dev: bool = False


OPS = web.AppKey("repaybot_ops", OpsContext)
JINJA = web.AppKey("repaybot_ops_jinja", jinja2.Environment)


def local_time(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment is not None else "—"
