"""Phone numbers as borrowers type them, normalised to E.164 with `phonenumbers`."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "CN"


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """`+86 138-0013-8000`, `8613800138000`, `13800138000` → `+8613800138000`; None if invalid."""
    text = raw.strip()
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    # "8613800138000" typed without "+": a country code followed by a national number.
    if not text.startswith(("+", "0")) and len(digits) > 11:
        text = "+" + digits
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def looks_like_phone(text: str) -> bool:
    """True when the text is plausibly just a phone number (digits, spaces, +, -, brackets)."""
    stripped = text.strip()
    allowed = set("+-() .")
    return 7 <= sum(ch.isdigit() for ch in stripped) <= 16 and all(
        ch.isdigit() or ch in allowed for ch in stripped
    )
