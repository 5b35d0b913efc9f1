"""Prometheus metrics in a registry of their own (no global default registry).

Counters and the latency histogram are fed by `bot.middlewares.metrics.MetricsMiddleware` and
by the code that opens tickets (`count_handoff`); queue gauges are refreshed from the
`TicketStore` at scrape time. No aiogram import here, so the ops CLI starts quickly.
"""

from __future__ import annotations

from datetime import datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

from actions.domain.handoff_policy import Priority
from actions.domain.tickets import TicketStore

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """The bot's metrics; one instance per process, handed to whoever records or serves them."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.updates = Counter(
            "repaybot_updates", "Telegram updates handled", ["type"], registry=self.registry
        )
        self.intents = Counter(
            "repaybot_intents", "Intents recognised in messages", ["intent"], registry=self.registry
        )
        self.handoffs = Counter(
            "repaybot_handoffs",
            "Conversations handed to a person",
            ["reason", "priority"],
            registry=self.registry,
        )
        self.update_seconds = Histogram(
            "repaybot_update_seconds",
            "Time to handle one update",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "repaybot_queue_depth", "Open tickets", ["priority"], registry=self.registry
        )
        self.sla_breaches = Gauge(
            "repaybot_sla_breaches",
            "Open tickets still waiting for a person past their SLA",
            ["priority"],
            registry=self.registry,
        )

    def count_update(self, update_type: str, seconds: float) -> None:
        self.updates.labels(type=update_type).inc()
        self.update_seconds.observe(seconds)

    def count_intent(self, intent: str) -> None:
        self.intents.labels(intent=intent).inc()

    def count_handoff(self, reason: str, priority: str) -> None:
        self.handoffs.labels(reason=reason, priority=priority).inc()

    async def refresh_queue(self, tickets: TicketStore, now: datetime) -> None:
        """Sets the queue gauges from the open tickets (every priority, zero included)."""
        depth = dict.fromkeys(Priority, 0)
        breaches = dict.fromkeys(Priority, 0)
        for ticket in await tickets.all(open_only=True):
            depth[ticket.priority] += 1
            breaches[ticket.priority] += ticket.sla_breached(now)
        for priority in Priority:
            self.queue_depth.labels(priority=priority.value).set(depth[priority])
            self.sla_breaches.labels(priority=priority.value).set(breaches[priority])

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
