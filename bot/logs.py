"""Logging set-up: personal data masked in every record."""

from __future__ import annotations

import logging

from actions.domain.masking import MaskingFilter


def setup_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("aiogram.event", "sanic.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
