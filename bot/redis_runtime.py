"""Which Redis the process uses: REDIS_URL, or an embedded server shared by local processes."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from bot.redis_server import RedisServer, answers_ping
from bot.settings import RedisSettings

logger = logging.getLogger(__name__)
PORT_FILE = "redis.port"


def _running_embedded(data_dir: Path) -> int | None:
    try:
        port = int((data_dir / PORT_FILE).read_text().strip())
    except (OSError, ValueError):
        return None
    return port if answers_ping(port) else None


@contextlib.contextmanager
def redis_url(settings: RedisSettings) -> Iterator[str]:
    """REDIS_URL if set; else the embedded server another local process started; else a new one.

    A server started here stops when the block ends; data persists (AOF) under var/redis.
    """
    if settings.redis_url:
        yield settings.redis_url
        return
    data_dir = settings.redis_data_dir
    port = _running_embedded(data_dir)
    if port is not None:
        yield f"redis://127.0.0.1:{port}/0"
        return
    server = RedisServer(data_dir=data_dir)
    url = server.start()
    (data_dir / PORT_FILE).write_text(str(server.port))
    logger.info("embedded redis-server on 127.0.0.1:%s, data in %s", server.port, data_dir)
    try:
        yield url
    finally:
        server.stop()
        (data_dir / PORT_FILE).unlink(missing_ok=True)
