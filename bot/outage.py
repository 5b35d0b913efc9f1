"""Redis outages: log once when it goes, once when it is back; never a log line per message."""

from __future__ import annotations

import logging

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, ConnectionRefusedError)


class OutageLog:
    """Remembers whether the current outage was already reported."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.down = False

    def failed(self, error: BaseException) -> None:
        if not self.down:
            self.down = True
            logger.error(
                "%s unreachable (%s); retrying with backoff", self.what, type(error).__name__
            )

    def ok(self) -> None:
        if self.down:
            self.down = False
            logger.warning("%s reachable again", self.what)
