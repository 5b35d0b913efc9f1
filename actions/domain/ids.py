"""Short, readable record ids such as `P-7KQ2M9XA` (no 0/O/1/I to misread on the phone)."""

from __future__ import annotations

import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_id(prefix: str, length: int = 8) -> str:
    """A random id: `prefix`, a dash and `length` characters from `ALPHABET`."""
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
