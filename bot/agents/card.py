"""The card an agent sees for a ticket: who (masked), what, why, and what was said."""

from __future__ import annotations

import asyncio

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from actions.domain.display import format_datetime
from actions.domain.masking import mask_name
from actions.domain.money import format_money
from actions.domain.preferences import ContactPreferences
from actions.domain.tickets import Ticket
from bot.services import BotServices
from bot.transcript import TranscriptEntry

TRANSCRIPT_LINES = 8
TOPIC_TITLE_LIMIT = 128


class TicketCallback(CallbackData, prefix="tk"):
    action: str  # claim | resolve | outcome | return | approve | plan
    ticket_id: str
    outcome: str = ""  # the outcome code, or the plan: "n6" (instalments), "d30" (deferral days)


# Plans an agent can approve from the card, beyond the self-service limits.
APPROVABLE_PLANS = ("n2", "n3", "n6", "n9", "n12", "d30", "d60")


def topic_title(ticket: Ticket) -> str:
    return f"{ticket.ticket_id} · {ticket.reason.value} · {ticket.priority.value}"[
        :TOPIC_TITLE_LIMIT
    ]


def card_keyboard(services: BotServices, ticket: Ticket) -> InlineKeyboardMarkup:
    lang = services.settings.agents.agents_lang
    t = services.catalog.text

    def button(key: str, action: str) -> InlineKeyboardButton:
        data = TicketCallback(action=action, ticket_id=ticket.ticket_id).pack()
        return InlineKeyboardButton(text=t(lang, key), callback_data=data)

    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button("agent_btn_claim", "claim"), button("agent_btn_resolve", "resolve")],
            [button("agent_btn_approve", "approve"), button("agent_btn_return", "return")],
        ]
    )


def outcome_keyboard(services: BotServices, ticket: Ticket) -> InlineKeyboardMarkup:
    lang = services.settings.agents.agents_lang
    rows = [
        [
            InlineKeyboardButton(
                text=services.catalog.text(lang, f"outcome_{outcome}"),
                callback_data=TicketCallback(
                    action="outcome", ticket_id=ticket.ticket_id, outcome=outcome
                ).pack(),
            )
        ]
        for outcome in services.domain.handoff.outcomes
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def plan_keyboard(services: BotServices, ticket: Ticket) -> InlineKeyboardMarkup:
    """The plans an agent may approve: instalment counts and deferral lengths."""
    lang = services.settings.agents.agents_lang

    def label(plan: str) -> str:
        key = "agent_plan_installments" if plan[0] == "n" else "agent_plan_deferral"
        return services.catalog.text(lang, key, number=int(plan[1:]))

    buttons = [
        InlineKeyboardButton(
            text=label(plan),
            callback_data=TicketCallback(
                action="plan", ticket_id=ticket.ticket_id, outcome=plan
            ).pack(),
        )
        for plan in APPROVABLE_PLANS
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons[:5], buttons[5:]])


def _transcript_lines(entries: list[TranscriptEntry]) -> str:
    return "\n".join(f"{'👤' if e.direction == 'in' else '🤖'} {e.text[:200]}" for e in entries)


def contact_text(services: BotServices, contact: ContactPreferences) -> str:
    """The borrower's contact preferences for the card, with when they asked; "—" if none."""
    lang = services.settings.agents.agents_lang
    tz = services.domain.handoff.shifts.tz
    return (
        " · ".join(
            services.catalog.text(
                lang, f"agent_contact_{what}", since=format_datetime(at, tz, lang)
            )
            for what, at in contact.asked()
        )
        or "—"
    )


async def card_text(services: BotServices, ticket: Ticket) -> str:
    lang = services.settings.agents.agents_lang
    catalog = services.catalog
    domain = services.domain
    borrower = await domain.ledger.get(ticket.borrower_id) if ticket.borrower_id else None
    overdue = days = "—"
    if borrower is not None:
        statements = await domain.ledger.statements(borrower.borrower_id, services.clock.now())
        statement = next((s for s in statements if s.loan_id == ticket.loan_id), None)
        if statement is not None:
            overdue = format_money(statement.overdue_total, statement.currency, lang)
            days = str(statement.days_past_due)
    who = (
        f"{mask_name(borrower.name)} ({borrower.borrower_id})"
        if borrower
        else catalog.text(lang, "agent_unverified")
    )
    entries, contact = await asyncio.gather(  # both in flight at once: one round trip
        services.transcripts.entries(ticket.chat_id, last=TRANSCRIPT_LINES),
        services.domain.preferences.contact(ticket.user_id),
    )
    return catalog.text(
        lang,
        "agent_card",
        ticket_id=ticket.ticket_id,
        reason=ticket.reason.value,
        priority=ticket.priority.value,
        sla_due=format_datetime(ticket.sla_due_at, services.domain.handoff.shifts.tz, lang),
        borrower=who,
        loan=ticket.loan_id or "—",
        overdue=overdue,
        days=days,
        signals=", ".join(ticket.signals) or "—",
        trigger=ticket.trigger_text or "—",
        offered=", ".join(ticket.offered) or "—",
        contact=contact_text(services, contact),
        transcript=_transcript_lines(entries) or "—",
    )
