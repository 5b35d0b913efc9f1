"""Money is `Decimal` to the cent, formatted for the borrower's language."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal, get_currency_symbol

CENT = Decimal("0.01")
_LOCALES = {"zh": "zh_CN", "en": "en_US"}
# The symbol borrowers see at home (¥, not CN¥), whatever the language of the conversation.
_HOME_LOCALE = {"CNY": "zh_CN", "HKD": "zh_HK", "USD": "en_US"}


def to_cents(value: Decimal | int | str) -> Decimal:
    """Quantise to the cent (half up); refuses floats so no binary rounding slips in."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, currency: str, lang: str) -> str:
    """`¥2,240.00` in both languages: the currency's home symbol, grouping per locale."""
    symbol = get_currency_symbol(currency, locale=_HOME_LOCALE.get(currency, "en_US"))
    number = format_decimal(to_cents(amount), "#,##0.00", locale=_LOCALES.get(lang, "en_US"))
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{number.lstrip('-')}"
