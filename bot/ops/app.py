"""The ops web application: queue overview, ticket list and page, daily figures, /metrics.

`build_ops_app(...)` returns a self-contained aiohttp application (its own token check,
templates and routes, no global state). Serve it alone (`repaybot ops`) or mount it into
another aiohttp app with `mount_ops(parent, ops_app, "/ops/")`.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp_jinja2
import jinja2
from aiohttp import web

from actions.domain.clock import Clock
from actions.domain.ledger import Ledger
from actions.domain.preferences import PreferenceStore
from actions.domain.stats import DailyStats
from actions.domain.tickets import TicketStore
from bot.metrics import Metrics
from bot.ops.auth import add_security_headers, token_middleware
from bot.ops.context import JINJA, OPS, OpsContext, local_time
from bot.ops.queries import age_minutes, agent_label, contact_summary, duration
from bot.ops.views import routes
from bot.transcript import TranscriptStore

TEMPLATES = Path(__file__).resolve().parent / "templates"


def build_ops_app(
    *,
    tickets: TicketStore,
    transcripts: TranscriptStore,
    stats: DailyStats,
    metrics: Metrics,
    clock: Clock,
    token: str | None,
    tz: ZoneInfo | None = None,
    ledger: Ledger | None = None,
    preferences: PreferenceStore | None = None,
) -> web.Application:
    """The ops app. `token=None` means no protection: only for `--dev` on a private machine.

    Times are shown in `tz` (default: the figures' timezone); `ledger` adds masked names,
    `preferences` the borrower's contact preferences.
    """
    zone = tz or stats.tz
    app = web.Application(middlewares=[token_middleware(token)])
    app[OPS] = OpsContext(
        tickets=tickets,
        transcripts=transcripts,
        stats=stats,
        metrics=metrics,
        clock=clock,
        tz=zone,
        ledger=ledger,
        preferences=preferences,
        dev=token is None,
    )
    env = aiohttp_jinja2.setup(
        app,
        app_key=JINJA,
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = lambda moment: local_time(moment, zone)
    env.filters["duration"] = duration
    env.filters["contact"] = lambda contact: contact_summary(
        contact, lambda moment: local_time(moment, zone)
    )
    env.globals.update(tz_name=str(zone), age_minutes=age_minutes, agent_label=agent_label)
    app.add_routes(routes)
    app.on_response_prepare.append(add_security_headers)
    return app


def mount_ops(parent: web.Application, ops: web.Application, prefix: str = "/ops/") -> None:
    """Adds the ops app under `prefix` of another aiohttp app (e.g. the webhook server)."""
    parent.add_subapp(prefix, ops)
