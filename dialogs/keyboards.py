"""Keyboards and button data; labels come from the catalog in the borrower's language."""

from __future__ import annotations

from functools import lru_cache

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.conversation import Conversation
from bot.i18n import Catalog

MENU_ITEMS: tuple[str, ...] = ("balance", "channels", "hardship", "callback", "human")


class MenuCallback(CallbackData, prefix="menu"):
    item: str


class LangCallback(CallbackData, prefix="lang"):
    code: str


def main_menu(convo: Conversation) -> InlineKeyboardMarkup:
    return _main_menu(convo.catalog, convo.lang)


# Keyboards are built once per language (aiogram builds a model per button): the same
# objects go under every reply that shows them.
@lru_cache(maxsize=16)
def _main_menu(catalog: Catalog, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=catalog.text(lang, f"btn_{item}"),
                    callback_data=MenuCallback(item=item).pack(),
                )
            ]
            for item in MENU_ITEMS
        ]
    )


def human_offer(convo: Conversation) -> InlineKeyboardMarkup:
    return _menu_item(convo.catalog, convo.lang, "human")


def hardship_offer(convo: Conversation) -> InlineKeyboardMarkup:
    return _menu_item(convo.catalog, convo.lang, "hardship")


@lru_cache(maxsize=32)
def _menu_item(catalog: Catalog, lang: str, item: str) -> InlineKeyboardMarkup:
    """One menu item's button on its own."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=catalog.text(lang, f"btn_{item}"),
                    callback_data=MenuCallback(item=item).pack(),
                )
            ]
        ]
    )


def contact_request(convo: Conversation) -> ReplyKeyboardMarkup:
    return _contact_request(convo.catalog, convo.lang)


@lru_cache(maxsize=16)
def _contact_request(catalog: Catalog, lang: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=catalog.text(lang, "btn_share_phone"), request_contact=True)]
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


@lru_cache(maxsize=1)
def no_keyboard() -> ReplyKeyboardRemove:
    return ReplyKeyboardRemove()


def language_menu() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text="中文", callback_data=LangCallback(code="zh").pack()),
                InlineKeyboardButton(text="English", callback_data=LangCallback(code="en").pack()),
            ]
        ]
    )
