"""The ops page's request handlers; the data comes from `bot.ops.queries`."""

from __future__ import annotations

from typing import Any

import aiohttp_jinja2
from aiohttp import web

from actions.domain.handoff_policy import Priority, Reason
from bot.ops.context import JINJA, OPS, OpsContext
from bot.ops.export import days_csv, tickets_csv
from bot.ops.queries import (
    STATUS_CHOICES,
    FilterError,
    TicketFilter,
    load,
    overview,
    ticket_detail,
)

routes = web.RouteTableDef()
DEFAULT_DAYS = 14
MAX_DAYS = 400


def _ctx(request: web.Request) -> OpsContext:
    return request.app[OPS]


def _render(
    request: web.Request, template: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    ctx = _ctx(request)
    page = {
        "dev": ctx.dev,
        "now": ctx.clock.now(),
        **context,
    }
    return aiohttp_jinja2.render_template(template, request, page, status=status, app_key=JINJA)


def _bad_request(request: web.Request, message: str) -> web.Response:
    return _render(request, "error.html", {"title": "Bad request", "message": message}, 400)


@routes.get("/", name="overview")
async def overview_page(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    now = ctx.clock.now()
    queue = overview(await ctx.tickets.all(open_only=True), now)
    return _render(request, "overview.html", {"ov": queue, "priorities": list(Priority)})


@routes.get("/tickets", name="tickets")
async def tickets_page(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    now = ctx.clock.now()
    try:
        flt = TicketFilter.from_params(request.query)
    except FilterError as exc:
        return _bad_request(request, str(exc))
    return _render(
        request,
        "tickets.html",
        {
            "tickets": await load(ctx.tickets, flt, now),
            "filter": flt,
            "csv_url": request.app.router["tickets_csv"].url_for().with_query(flt.as_params()),
            "statuses": STATUS_CHOICES,
            "reasons": list(Reason),
            "priorities": list(Priority),
        },
    )


@routes.get("/tickets.csv", name="tickets_csv")
async def tickets_csv_file(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    now = ctx.clock.now()
    try:
        flt = TicketFilter.from_params(request.query)
    except FilterError as exc:
        return web.Response(status=400, text=f"{exc}\n")
    body = tickets_csv(await load(ctx.tickets, flt, now), now)
    return _attachment(body, f"tickets-{now.astimezone(ctx.tz):%Y%m%d-%H%M}.csv")


@routes.get("/tickets/{ticket_id}", name="ticket")
async def ticket_page(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    ticket_id = request.match_info["ticket_id"]
    detail = await ticket_detail(
        ticket_id, ctx.tickets, ctx.transcripts, ctx.ledger, ctx.preferences
    )
    if detail is None:
        message = f"There is no ticket {ticket_id}."
        return _render(request, "error.html", {"title": "Not found", "message": message}, 404)
    return _render(request, "ticket.html", {"d": detail, "t": detail.ticket})


def _days(request: web.Request) -> int | None:
    raw = request.query.get("days", "").strip() or str(DEFAULT_DAYS)
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        return None
    return int(raw)


@routes.get("/daily", name="daily")
async def daily_page(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    days = _days(request)
    if days is None:
        return _bad_request(request, f"days must be a whole number from 1 to {MAX_DAYS}")
    return _render(
        request,
        "daily.html",
        {
            "days": await ctx.stats.days(days),
            "count": days,
            "reasons": list(Reason),
            "csv_url": request.app.router["daily_csv"].url_for().with_query(days=str(days)),
        },
    )


@routes.get("/daily.csv", name="daily_csv")
async def daily_csv_file(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    days = _days(request)
    if days is None:
        return web.Response(status=400, text=f"days must be a whole number from 1 to {MAX_DAYS}\n")
    return _attachment(days_csv(await ctx.stats.days(days)), f"daily-{ctx.stats.today()}.csv")


@routes.get("/metrics", name="metrics")
async def metrics(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    await ctx.metrics.refresh_queue(ctx.tickets, ctx.clock.now())
    return web.Response(
        body=ctx.metrics.render(), headers={"Content-Type": ctx.metrics.content_type}
    )


def _attachment(body: str, filename: str) -> web.Response:
    return web.Response(
        text=body,
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
