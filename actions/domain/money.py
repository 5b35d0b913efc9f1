"""Money is `Decimal` to the cent, formatted for the borrower's language."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_currency_symbol

CENT = Decimal("0.01")
_HOME_LOCALE = {"CNY": "zh_CN", "HKD": "zh_HK", "USD": "en_US"}


def to_cents(value: Decimal | int | str) -> Decimal:
    """Quantise to the cent (half up); refuses floats so no binary rounding slips in."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=64)
def currency_symbol(currency: str) -> str:
    """The symbol borrowers see at home (¥, not CN¥), whatever the conversation's language."""
    return str(get_currency_symbol(currency, locale=_HOME_LOCALE.get(currency, "en_US")))


def format_money(amount: Decimal, currency: str, lang: str) -> str:
    """`¥2,240.00` in both languages: the currency's home symbol, comma groups, two decimals.

    `lang` is part of the contract; zh_CN and en_US group and separate alike, so Python's own
    formatting gives the locale library's result at a fraction of the cost.
    """
    cents = to_cents(amount)
    sign = "-" if cents < 0 else ""
    return f"{sign}{currency_symbol(currency)}{abs(cents):,.2f}"
