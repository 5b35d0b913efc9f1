"""The ops page over HTTP: the token, the views, the CSV, personal data, mounting."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from actions.domain.clock import FixedClock
from actions.domain.preferences import PreferenceStore
from actions.domain.stats import DailyStats
from bot.metrics import Metrics
from bot.ops.app import mount_ops
from bot.ops.auth import COOKIE
from tests.ops.conftest import AGENT, SHANGHAI, TOKEN, Queue, ops_app

Client = TestClient[web.Request, web.Application]
BEARER = {"Authorization": f"Bearer {TOKEN}"}


async def test_every_page_refuses_a_request_without_a_valid_token(
    client: Client, queue: Queue
) -> None:
    for path in ("/", "/tickets", "/tickets.csv", f"/tickets/{queue.breached.ticket_id}",
                 "/daily", "/metrics", "/?token=wrong"):  # fmt: skip
        response = await client.get(path, headers={"Authorization": "Bearer nope"})
        assert response.status == 401, path
        body = await response.text()
        assert queue.breached.ticket_id not in body
        assert "D-1001" not in body
    assert (await client.get("/")).status == 401


async def test_token_in_the_url_once_sets_a_strict_httponly_cookie(
    client: Client, queue: Queue
) -> None:
    response = await client.get("/tickets?status=open&token=" + TOKEN, allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == "/tickets?status=open"
    cookie = response.cookies[COOKIE]
    assert cookie.value != TOKEN
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/"

    page = await client.get("/tickets?status=open")  # the cookie jar sends it back
    assert page.status == 200
    assert queue.breached.ticket_id in await page.text()
    assert page.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]


async def test_overview_shows_the_queue_with_the_breach_marked(
    client: Client, queue: Queue
) -> None:
    page = await (await client.get("/", headers=BEARER)).text()
    assert "<strong>3</strong> open tickets" in page
    assert 'class="ticket breach" data-ticket="T-BRCH1"' in page
    assert 'class="ticket" data-ticket="T-ASGN2"' in page
    assert "SLA breached" in page
    assert "T-DONE3" not in page  # resolved: not in the queue
    assert "Oldest waiting" in page
    assert f'<th scope="row">{AGENT}</th><td class="num">1</td>' in page


async def test_ticket_page_shows_masked_personal_data_and_escaped_text(
    client: Client, queue: Queue
) -> None:
    page = await (await client.get("/tickets/T-BRCH1", headers=BEARER)).text()
    assert "王**" in page  # the demo ledger's 王小明, masked
    assert "王小明" not in page
    assert "13800138000" not in page
    assert "8000" in page  # masked phone keeps the last digits: 138****8000
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<script>" not in page
    assert "A colleague will reply here." in page


async def test_ticket_page_shows_the_contact_preferences_the_borrower_asked_for(
    client: Client, queue: Queue, redis: Redis, clock: FixedClock
) -> None:
    page = await (await client.get("/tickets/T-BRCH1", headers=BEARER)).text()
    assert '<dd id="contact">—</dd>' in page
    preferences = PreferenceStore(redis)
    await preferences.no_third_parties(7001, clock.now() - timedelta(minutes=30))
    page = await (await client.get("/tickets/T-BRCH1", headers=BEARER)).text()
    assert (
        '<dd id="contact">Contact only the borrower about the loan (asked 2025-03-10 09:30)</dd>'
        in page
    )
    await preferences.opt_out(7001, clock.now())
    page = await (await client.get("/tickets/T-BRCH1", headers=BEARER)).text()
    assert (
        "Contact only the borrower about the loan (asked 2025-03-10 09:30)"
        " · No proactive messages (asked 2025-03-10 10:00)</dd>" in page
    )
    other = await (await client.get("/tickets/T-DONE3", headers=BEARER)).text()
    assert '<dd id="contact">—</dd>' in other


async def test_resolved_ticket_shows_outcome_notes_and_timeline(
    client: Client, queue: Queue
) -> None:
    page = await (await client.get("/tickets/T-DONE3", headers=BEARER)).text()
    assert '<dd id="outcome">referred_support</dd>' in page
    assert f"<strong>{AGENT}</strong>: Gave hotline; callback" in page
    assert "13900001003" not in page
    for kind in ("created", "assigned", "first_reply", "note", "resolved"):
        assert f"— {kind} by" in page


async def test_unknown_ticket_and_bad_filter_get_clear_errors(client: Client) -> None:
    missing = await client.get("/tickets/T-NOPE", headers=BEARER)
    assert missing.status == 404
    assert "There is no ticket T-NOPE." in await missing.text()
    bad = await client.get("/tickets?priority=P1", headers=BEARER)
    assert bad.status == 400
    assert "priority must be one of: urgent, high, normal" in await bad.text()
    assert (await client.get("/daily?days=0", headers=BEARER)).status == 400


async def test_csv_export_keeps_the_filters(client: Client, queue: Queue) -> None:
    page = await (await client.get("/tickets?priority=high&status=queued", headers=BEARER)).text()
    assert 'href="/tickets.csv?status=queued&amp;priority=high"' in page
    response = await client.get("/tickets.csv?status=queued&priority=high", headers=BEARER)
    assert response.status == 200
    assert response.content_type == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="tickets-20250310-1000.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(await response.text())))
    assert [(r["ticket_id"], r["sla_breached"]) for r in rows] == [
        ("T-BRCH1", "yes"),
        ("T-FRSH4", "no"),
    ]


async def test_daily_figures_page(
    client: Client, queue: Queue, redis: Redis, clock: FixedClock
) -> None:
    stats = DailyStats(redis, clock, SHANGHAI)
    for chat in (1, 2, 3):
        await stats.record_conversation(chat)
    await stats.record_handoff(3, "dispute")
    await stats.incr("promises")
    page = await (await client.get("/daily?days=2", headers=BEARER)).text()
    assert '<th scope="row">2025-03-10</th>' in page
    # conversations, bot alone, handoffs, then one column per reason (dispute is second).
    assert (
        '<td class="num">3</td><td class="num">2</td><td class="num">1</td>\n'
        '<td class="num">0</td><td class="num">1</td>'
    ) in page
    assert '<th scope="row">2025-03-09</th>' in page
    response = await client.get("/daily.csv?days=2", headers=BEARER)
    assert response.headers["Content-Disposition"] == 'attachment; filename="daily-2025-03-10.csv"'
    assert (await response.text()).splitlines()[1].startswith("2025-03-10,3,2,1,1,")


async def test_dev_mode_needs_no_token_and_says_so(
    redis: Redis, clock: FixedClock, queue: Queue
) -> None:
    async with TestClient(TestServer(ops_app(redis, clock, Metrics(), token=None))) as client:
        response = await client.get("/")
        assert response.status == 200
        assert "Development mode" in await response.text()


async def test_mounted_under_a_prefix_links_and_cookie_stay_inside_it(
    redis: Redis, clock: FixedClock, queue: Queue
) -> None:
    parent = web.Application()
    mount_ops(parent, ops_app(redis, clock, Metrics()), "/ops/")
    async with TestClient(TestServer(parent)) as client:
        login = await client.get(f"/ops/?token={TOKEN}", allow_redirects=False)
        assert login.headers["Location"] == "/ops/"
        assert login.cookies[COOKIE]["path"] == "/ops/"
        page = await (await client.get("/ops/")).text()
        assert 'href="/ops/tickets/T-BRCH1"' in page
        assert 'href="/ops/daily"' in page
        assert (await client.get("/ops/metrics")).status == 200


def test_an_empty_token_is_refused_rather_than_letting_everyone_in(
    redis: Redis, clock: FixedClock
) -> None:
    with pytest.raises(ValueError, match="token is empty"):
        ops_app(redis, clock, Metrics(), token=" ")
