"""Small helpers shared by the Redis stores."""

from __future__ import annotations

from typing import Any


def text(value: Any) -> str:
    """A Redis reply as `str`, whether the client decodes responses or not."""
    if isinstance(value, bytes):
        return value.decode()
    return str(value)


def optional_text(value: Any) -> str | None:
    """`text`, keeping a missing value (None) missing."""
    return None if value is None else text(value)


# Compare-and-set one hash field: KEYS[1] hash; ARGV field, expected JSON ('' = absent), new JSON,
# then any other field/value pairs of the same hash, written with it or not at all.
# Returns 1 when written, 0 when the field changed meanwhile (the caller re-reads and retries).
CAS_HSET = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if (current or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], unpack(ARGV, 4))
return 1
"""
