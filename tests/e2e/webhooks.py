"""Telegram's side of webhook mode: POST each update, round-robin, redelivered until a 200."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.e2e.processes import TOKEN, BotProcess
from tests.e2e.standin import BotApiStandIn, decode_params

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class Attempt:
    """One POST of an update: to which worker, and the HTTP status (None: no answer)."""

    worker: str
    status: int | None


class WebhookDelivery:
    """Posts updates to the workers behind the webhook, as Telegram does, and redelivers."""

    def __init__(self, api: BotApiStandIn, workers: Sequence[BotProcess]) -> None:
        self.api = api
        self.workers = workers  # the pool's live list: workers may come and go
        self._turns = itertools.count()

    @property
    def secret(self) -> str:
        """The secret the bot registered with setWebhook (Telegram sends it back every time)."""
        return str(self.api.webhook.get("secret_token", ""))

    async def post(
        self, worker: BotProcess, update: dict[str, Any], secret: str | None = None
    ) -> Attempt:
        """One POST; a method in the reply body is executed, as Telegram does."""
        headers = {SECRET_HEADER: self.secret if secret is None else secret}
        timeout = aiohttp.ClientTimeout(total=60)
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as http,
                http.post(worker.webhook_url, json=update, headers=headers) as response,
            ):
                if response.status == 200:
                    await self._execute_reply(response)
                return Attempt(worker.name, response.status)
        except (aiohttp.ClientError, TimeoutError):
            return Attempt(worker.name, None)

    async def deliver(
        self, update: dict[str, Any], first: BotProcess | None = None, timeout: float = 60
    ) -> list[Attempt]:
        """POSTs to `first` (else the next worker in turn) and to the others until a 200."""
        workers = list(self.workers)
        start = workers.index(first) if first is not None else next(self._turns) % len(workers)
        attempts: list[Attempt] = []
        deadline = time.monotonic() + timeout
        for turn in itertools.count(start):
            attempt = await self.post(workers[turn % len(workers)], update)
            attempts.append(attempt)
            if attempt.status == 200:
                return attempts
            if time.monotonic() > deadline:
                raise AssertionError(f"update {update['update_id']} never accepted: {attempts}")
            await asyncio.sleep(0.1 if turn % len(workers) else 0.5)
        raise AssertionError("unreachable")

    async def _execute_reply(self, response: aiohttp.ClientResponse) -> None:
        if not response.content_type.startswith("multipart/"):
            return
        reader = aiohttp.MultipartReader.from_response(response)
        fields: dict[str, str] = {}
        async for part in reader:
            if isinstance(part, aiohttp.BodyPartReader) and part.name:
                fields[part.name] = await part.text()
        method = fields.pop("method")
        await self.api.execute(TOKEN, method, decode_params(fields))
