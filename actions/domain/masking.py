"""Masking of personal data for logs and transcripts: phone numbers, ID digits, names."""

from __future__ import annotations

import logging
import re

# Runs of 7+ digits (phones, account and ID numbers), allowing spaces, dashes and a leading +.
_LONG_NUMBER = re.compile(r"\+?\d[\d\s-]{5,}\d")
_ID_CARD = re.compile(r"\b\d{17}[\dXx]\b")


def mask_phone(phone: str) -> str:
    """`+8613800138000` → `+86138****8000`: enough for an agent to recognise, no more."""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if len(digits) < 7:
        return "*" * len(phone)
    hidden = set(digits[-8:-4])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(phone))


def mask_name(name: str) -> str:
    """`王小明` → `王**`, `Jane Lee` → `J*** L**`."""
    if not name:
        return name
    if " " in name:
        return " ".join(part[:1] + "*" * (len(part) - 1) for part in name.split())
    return name[:1] + "*" * (len(name) - 1)


def mask_text(text: str) -> str:
    """Masks ID-card numbers and long digit runs that may be phone or account numbers."""
    text = _ID_CARD.sub(lambda m: "*" * len(m.group(0)), text)
    return _LONG_NUMBER.sub(lambda m: mask_phone(m.group(0)), text)


class MaskingFilter(logging.Filter):
    """A logging filter that masks numbers in every record, its traceback included."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = record.getMessage()
            record.args = None
        if isinstance(record.msg, str):
            record.msg = mask_text(record.msg)
        if record.exc_info:
            # Exception messages can quote their input (a phone number, an ID): mask them too.
            record.exc_text = mask_text(self._formatter.formatException(record.exc_info))
            record.exc_info = None
        return True
