"""Buttons of the plan, promise and callback flows; labels come from the catalog.

Buttons that change something (confirm a plan or promise, pick a callback slot) carry the token
of the offer they belong to: the flow keeps the offer in FSM data and acts only on a button
whose token matches it, so a button pressed twice, or from an old message, changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from actions.domain.display import format_date
from bot.conversation import Conversation
from bot.i18n import Catalog
from dialogs.keyboards import MenuCallback

# Deferral lengths offered as buttons (those within the borrower's limit, plus the limit).
DEFERRAL_CHOICES = (7, 14)


class PlanPick(CallbackData, prefix="plan"):
    """An option: `kind` n (instalments), d (deferral days) or part (partial payment now)."""

    kind: str
    value: int = 0


class PlanConfirm(CallbackData, prefix="planok"):
    token: str
    yes: bool


class PromiseDay(CallbackData, prefix="pday"):
    token: str
    day: str


class PromiseConfirm(CallbackData, prefix="pok"):
    token: str
    yes: bool


class SlotPick(CallbackData, prefix="cbslot"):
    token: str
    at: int


class CallbackManage(CallbackData, prefix="cbm"):
    """Cancel or move the callback `ref` (its id)."""

    op: str
    ref: str


class PromiseManage(CallbackData, prefix="pm"):
    """Change or cancel the recorded promise `ref` (its id)."""

    op: str
    ref: str


Rows = list[list[InlineKeyboardButton]]


def _button(
    convo: Conversation, key: str, data: CallbackData, **variables: object
) -> InlineKeyboardButton:
    return _labelled(convo.catalog, convo.lang, key, data, **variables)


def _labelled(
    catalog: Catalog, lang: str, key: str, data: CallbackData, **variables: object
) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=catalog.text(lang, key, **variables), callback_data=data.pack()
    )


def _keyboard(rows: Rows) -> InlineKeyboardMarkup | None:
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def person_rows(convo: Conversation, *, callback: bool = True) -> Rows:
    """A callback and a person: what is offered outside the policy limits."""
    return _person_rows(convo.catalog, convo.lang, callback=callback)


def _person_rows(catalog: Catalog, lang: str, *, callback: bool) -> Rows:
    items = ("callback", "human") if callback else ("human",)
    return [[_labelled(catalog, lang, f"btn_{item}", MenuCallback(item=item))] for item in items]


def options_keyboard(
    convo: Conversation, options: dict[str, object] | None, *, person: bool
) -> InlineKeyboardMarkup | None:
    """Instalment counts, deferral lengths and a partial payment, as the options allow; then a
    callback and a person if offered."""
    if not options:
        return _keyboard(person_rows(convo)) if person else None
    counts = tuple(int(c) for c in options.get("installment_counts") or [])  # type: ignore[attr-defined]
    max_days = options.get("max_defer_days")
    deferral = max_days if isinstance(max_days, int) else None
    return _options_keyboard(convo.catalog, convo.lang, counts, deferral, person)


@lru_cache(maxsize=256)
def _options_keyboard(
    catalog: Catalog, lang: str, counts: tuple[int, ...], max_days: int | None, person: bool
) -> InlineKeyboardMarkup:
    """Built once per language and set of options: the policy offers only a few sets, and nine
    labelled buttons cost more than the rest of the turn's Python."""
    rows: Rows = []
    row: list[InlineKeyboardButton] = []
    for count in counts:
        data = PlanPick(kind="n", value=count)
        row.append(_labelled(catalog, lang, "btn_plan_installments", data, count=count))
        if len(row) == 3:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    if max_days is not None:
        days = sorted({d for d in DEFERRAL_CHOICES if d < max_days} | {max_days})
        rows.append(
            [
                _labelled(catalog, lang, "btn_plan_defer", PlanPick(kind="d", value=d), days=d)
                for d in days
            ]
        )
    rows.append([_labelled(catalog, lang, "btn_plan_partial", PlanPick(kind="part"))])
    if person:
        rows += _person_rows(catalog, lang, callback=True)
    return InlineKeyboardMarkup(inline_keyboard=rows)


def plan_confirm_keyboard(convo: Conversation, token: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(convo, "btn_plan_accept", PlanConfirm(token=token, yes=True))],
            [_button(convo, "btn_plan_other", PlanConfirm(token=token, yes=False))],
        ]
    )


def promise_days_keyboard(
    convo: Conversation, token: str, days: list[str], *, person: bool
) -> InlineKeyboardMarkup | None:
    rows: Rows = []
    row: list[InlineKeyboardButton] = []
    for iso in days:
        label = format_date(date.fromisoformat(iso), convo.lang)
        row.append(
            InlineKeyboardButton(text=label, callback_data=PromiseDay(token=token, day=iso).pack())
        )
        if len(row) == 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    if person:
        rows += person_rows(convo)
    return _keyboard(rows)


def promise_confirm_keyboard(convo: Conversation, token: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(convo, "btn_promise_confirm", PromiseConfirm(token=token, yes=True))],
            [_button(convo, "btn_promise_change", PromiseConfirm(token=token, yes=False))],
        ]
    )


def slot_label(start: datetime, tz: ZoneInfo, lang: str) -> str:
    """`2026年12月1日（周二） 11:00`: the zone is named in the message above the buttons."""
    local = start.astimezone(tz)
    return f"{format_date(local.date(), lang)} {local:%H:%M}"


def slots_keyboard(
    convo: Conversation,
    token: str,
    starts: list[datetime],
    tz: ZoneInfo,
    *,
    upcoming: str | None,
) -> InlineKeyboardMarkup:
    rows: Rows = [
        [
            InlineKeyboardButton(
                text=slot_label(start, tz, convo.lang),
                callback_data=SlotPick(token=token, at=int(start.timestamp())).pack(),
            )
        ]
        for start in starts
    ]
    if upcoming:
        rows.append(
            [_button(convo, "btn_callback_cancel", CallbackManage(op="cancel", ref=upcoming))]
        )
    if not starts:
        rows += person_rows(convo, callback=False)
    return InlineKeyboardMarkup(inline_keyboard=rows)


def manage_callback_rows(convo: Conversation, callback_id: str) -> Rows:
    return [
        [_button(convo, "btn_callback_change", CallbackManage(op="change", ref=callback_id))],
        [_button(convo, "btn_callback_cancel", CallbackManage(op="cancel", ref=callback_id))],
    ]


def manage_promise_rows(
    convo: Conversation, promise_ids: list[str], ops: tuple[str, ...] = ("change", "cancel")
) -> Rows:
    """A row per promise and operation: "Change promise R-…", "Cancel promise R-…"."""
    return [
        [_button(convo, f"btn_promise_{op}_ref", PromiseManage(op=op, ref=ref), promise_id=ref)]
        for ref in promise_ids
        for op in ops
    ]
