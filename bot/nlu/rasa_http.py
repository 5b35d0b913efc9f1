"""`RasaHttpNLU`: asks a real Rasa server's `/model/parse` (when `RASA_NLU_URL` is set).

The server decides the intent; this adapter still resolves entities with our rules (Rasa returns
raw text like "下周五"), detects the language, and applies the same escalation safety net, so
the bot sees one contract whichever NLU runs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import aiohttp

from bot.nlu.base import FALLBACK_INTENT, NLU, Entity, IntentScore, ParseResult
from bot.nlu.decision import DEFAULT_THRESHOLD, decide
from bot.nlu.entities import EntityExtractor
from bot.nlu.normalize import detect_lang

RESOLVED = frozenset({"amount", "installments", "date", "time"})


class RasaUnavailableError(RuntimeError):
    """The Rasa server could not be reached or answered badly."""


class RasaHttpNLU:
    """An aiohttp client for one Rasa server; call `aclose()` on shutdown."""

    def __init__(
        self,
        url: str,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        timeout: float = 5.0,
        extractor: EntityExtractor | None = None,
        fallback: NLU | None = None,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self.url = url.rstrip("/") + "/model/parse"
        self.threshold = threshold
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.extractor = extractor or EntityExtractor()
        self.fallback = fallback
        self._session = session
        self._owns_session = session is None

    async def parse(self, text: str, now: datetime) -> ParseResult:
        try:
            payload = await self._post(text)
        except RasaUnavailableError:
            if self.fallback is None:
                raise
            return await self.fallback.parse(text, now)
        return self._result(text, now, payload)

    async def aclose(self) -> None:
        if self._session is not None and self._owns_session:
            await self._session.close()
        self._session = None

    async def _post(self, text: str) -> dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self.timeout)
        try:
            async with self._session.post(self.url, json={"text": text}) as response:
                response.raise_for_status()
                payload = await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise RasaUnavailableError(f"{self.url}: {error}") from error
        if not isinstance(payload, dict):
            raise RasaUnavailableError(f"{self.url}: unexpected answer {payload!r}")
        return payload

    def _result(self, text: str, now: datetime, payload: dict[str, Any]) -> ParseResult:
        ranking = [
            (str(item.get("name")), float(item.get("confidence") or 0.0))
            for item in payload.get("intent_ranking") or []
            if item.get("name")
        ]
        intent = payload.get("intent") or {}
        if not ranking and intent.get("name"):
            ranking = [(str(intent["name"]), float(intent.get("confidence") or 0.0))]
        ranking.sort(key=lambda pair: -pair[1])
        if not ranking:
            ranking = [(FALLBACK_INTENT, 0.0)]
        decision = decide(text, ranking, self.threshold)
        scores = [IntentScore(name=n, confidence=c) for n, c in ranking if n != decision.intent]
        scores.insert(0, IntentScore(name=decision.intent, confidence=decision.confidence))
        entities = [
            Entity(
                entity=str(e["entity"]),
                value=e.get("value"),
                start=int(e.get("start", 0)),
                end=int(e.get("end", 0)),
                extractor=str(e.get("extractor") or "rasa"),
            )
            for e in payload.get("entities") or []
            if e.get("entity") not in RESOLVED
        ]
        entities.extend(self.extractor.extract(text, now))
        entities.sort(key=lambda e: e.start)
        return ParseResult(
            text=text,
            intent=IntentScore(name=decision.intent, confidence=decision.confidence),
            entities=entities,
            intent_ranking=scores[:10],
            escalate=decision.escalate,
            lang="zh" if detect_lang(text) == "zh" else "en",
            signals=list(decision.signals),
        )
