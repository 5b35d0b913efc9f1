"""Calls actions by name: in-process through a rasa-sdk executor, or a rasa-sdk server over HTTP.

Both send the same action call (a Rasa tracker dump) and read the same result, so the
conversation is identical either way.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import aiohttp
import rasa_sdk
from pydantic import BaseModel, Field
from rasa_sdk.executor import ActionExecutor

logger = logging.getLogger(__name__)

_DOMAIN: dict[str, Any] = {"version": "3.1"}
# What rasa-sdk puts in every response; everything else is a variable of the text.
_RASA_RESPONSE_KEYS = frozenset(
    {"text", "buttons", "elements", "custom", "template", "response", "image", "attachment"}
)


def response_variables(response: dict[str, Any]) -> dict[str, Any]:
    """The variables a response's text needs (rasa-sdk's own keys and empty values dropped)."""
    return {
        key: value
        for key, value in response.items()
        if key not in _RASA_RESPONSE_KEYS and value is not None
    }


class ActionError(RuntimeError):
    """The action could not be run (server unreachable, unknown action, bad answer)."""


class ActionResult(BaseModel):
    """What an action returned: Rasa events and responses (each a response name + variables)."""

    events: list[dict[str, Any]] = Field(default_factory=list)
    responses: list[dict[str, Any]] = Field(default_factory=list)

    def said(self, response: str) -> bool:
        return any(r.get("response") == response for r in self.responses)

    def slot_changes(self) -> dict[str, Any]:
        return {
            event["name"]: event.get("value")
            for event in self.events
            if event.get("event") == "slot"
        }


def action_call(
    action: str, sender_id: str, slots: dict[str, Any], message: dict[str, Any] | None
) -> dict[str, Any]:
    """The request body Rasa sends to an action server."""
    return {
        "next_action": action,
        "sender_id": sender_id,
        "version": rasa_sdk.__version__,
        "domain": _DOMAIN,
        "tracker": {
            "sender_id": sender_id,
            "slots": slots,
            "latest_message": message or {},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": None,
        },
    }


class ActionClient(Protocol):
    async def run(
        self,
        action: str,
        sender_id: str,
        slots: dict[str, Any],
        message: dict[str, Any] | None = None,
    ) -> ActionResult: ...

    async def close(self) -> None: ...


class InProcessActionClient:
    """Runs actions in this process through rasa-sdk's own executor."""

    def __init__(self, executor: ActionExecutor) -> None:
        self._executor = executor

    async def run(
        self,
        action: str,
        sender_id: str,
        slots: dict[str, Any],
        message: dict[str, Any] | None = None,
    ) -> ActionResult:
        result = await self._executor.run(action_call(action, sender_id, slots, message))
        if result is None:
            raise ActionError(f"action {action!r} returned nothing")
        return ActionResult.model_validate(result, from_attributes=True)

    async def close(self) -> None:
        return None


class HttpActionClient:
    """Posts action calls to a rasa-sdk action server's `/webhook`."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self._url = url.rstrip("/") + "/webhook"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def run(
        self,
        action: str,
        sender_id: str,
        slots: dict[str, Any],
        message: dict[str, Any] | None = None,
    ) -> ActionResult:
        body = action_call(action, sender_id, slots, message)
        try:
            async with self._client().post(self._url, json=body) as response:
                if response.status != 200:
                    raise ActionError(f"action server answered {response.status} for {action!r}")
                return ActionResult.model_validate(await response.json())
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ActionError(f"action server unreachable for {action!r}: {exc}") from exc

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
