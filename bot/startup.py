"""Getting a bot process ready before its first update."""

from __future__ import annotations

import gc
import logging

from bot.services import BotServices

logger = logging.getLogger(__name__)


def ready(services: BotServices) -> None:
    """Build the NLU now (loading, or training a stale model, must not fall on a borrower's
    first message), then take everything built so far out of the garbage collector's scans.

    The model, the catalogs and the imported libraries are hundreds of thousands of objects that
    live as long as the process; a full collection over them paused the bot for 0.2-0.5 s.
    `gc.freeze` moves them to a generation the collector never scans.
    """
    logger.info("intent model ready: %s", type(services.nlu).__name__)
    gc.collect()
    gc.freeze()
