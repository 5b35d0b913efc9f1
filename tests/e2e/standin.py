"""A Telegram Bot API stand-in on loopback: answers like Telegram and records every request.

Served at `{base}/bot{token}/{method}` (what `TelegramAPIServer.from_base(base)` calls), with
JSON, urlencoded or multipart bodies. `getUpdates` long-polls a queue the test fills and
re-serves an update until a later offset confirms it, as Telegram does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.redis_server import free_port

Params = dict[str, Any]
Answer = Callable[["BotApiStandIn", str, Params], Any]

# Fields whose string values stay strings, even when they look like numbers or JSON.
_TEXT_FIELDS = frozenset({"text", "caption", "name", "secret_token", "url", "callback_query_id"})


@dataclass
class Call:
    """One Bot API request the bot made, and what the stand-in answered."""

    token: str
    method: str
    params: Params
    result: Any = None
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return (
            int(value)
            if isinstance(value, int | str) and str(value).lstrip("-").isdigit()
            else None
        )


@dataclass
class Gate:
    """Holds the answer to the first request matching `matches` until `release()`."""

    method: str
    matches: Callable[[Params], bool]
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        self.released.set()


class BotApiStandIn:
    """The Bot API for one or more tokens; `calls` lists every request in arrival order."""

    def __init__(self, bot_username: str = "repay_demo_bot") -> None:
        self.bot_username = bot_username
        self.calls: list[Call] = []
        self.webhook: Params = {}
        self._updates: list[Params] = []
        self._confirmed = 0  # update ids below this were confirmed by a getUpdates offset
        self._message_ids = itertools.count(1000)
        self._topic_ids = itertools.count(500)
        self._gates: list[Gate] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- life cycle -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> str:
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=1)
        await self._runner.setup()
        self.port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self.url

    async def stop(self) -> None:
        for gate in self._gates:
            gate.release()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- what the test does -----------------------------------------------------------------

    async def push_update(self, update: Params) -> None:
        """Queues an update for getUpdates (polling mode)."""
        self._updates.append(update)
        await self._notify()

    @property
    def pending_updates(self) -> list[int]:
        """Ids of queued updates no getUpdates offset has confirmed yet."""
        return [u["update_id"] for u in self._updates if u["update_id"] >= self._confirmed]

    def hold(self, method: str, matches: Callable[[Params], bool] = lambda _: True) -> Gate:
        """The next matching request waits for `gate.release()` before it is answered."""
        gate = Gate(method, matches)
        self._gates.append(gate)
        return gate

    def requests(self, method: str | None = None, since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:] if method is None or c.method == method]

    def sent_texts(self, chat_id: int, since: int = 0) -> list[str]:
        """Texts of the sendMessage requests to `chat_id`, in order."""
        return [
            str(c.params["text"])
            for c in self.requests("sendMessage", since)
            if c.chat_id == chat_id
        ]

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 30) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), timeout)

    async def execute(self, token: str, method: str, params: Params) -> Any:
        """Records a request and returns its result (also for methods in a webhook reply)."""
        call = Call(token, method, params)
        self.calls.append(call)
        await self._notify()
        gate = self._take_gate(method, params)
        if gate is not None:
            gate.arrived.set()
            await gate.released.wait()
        if method == "getUpdates":
            return await self._get_updates(params)
        call.result = _ANSWERS.get(method, _true)(self, token, params)
        return call.result

    # --- internals --------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _take_gate(self, method: str, params: Params) -> Gate | None:
        for gate in self._gates:
            if gate.method == method and not gate.arrived.is_set() and gate.matches(params):
                return gate
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await _read_params(request)
        try:
            result = await self.execute(token, method, params)
        except ApiError as error:
            body = {"ok": False, "error_code": error.code, "description": error.description}
            return web.json_response(body, status=error.code)
        return web.json_response({"ok": True, "result": result})

    async def _get_updates(self, params: Params) -> list[Params]:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self._confirmed = max(self._confirmed, offset)
            self._updates = [u for u in self._updates if u["update_id"] >= self._confirmed]
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout > 0:
            try:
                await self.wait_until(lambda: bool(self._updates), timeout)
            except TimeoutError:
                return []
        return self._updates[:limit]

    def next_message_id(self) -> int:
        return next(self._message_ids)

    def next_topic_id(self) -> int:
        return next(self._topic_ids)


class ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def bot_id(token: str) -> int:
    return int(token.split(":", 1)[0])


async def _read_params(request: web.Request) -> Params:
    """Params from the query string and a JSON, urlencoded or multipart body."""
    raw: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            raw.update(await request.json())
            return raw
        form = await request.post()
        raw.update({k: v for k, v in form.items() if isinstance(v, str)})
    return decode_params(raw)


def decode_params(raw: dict[str, Any]) -> Params:
    """Form values are strings; Telegram reads numbers and JSON objects out of them."""
    return {key: _decode(key, value) for key, value in raw.items()}


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in _TEXT_FIELDS:
        return value
    if value[:1] in "{[" or value in ("true", "false") or value.lstrip("-").isdigit():
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


# --- answers, as Telegram gives them -----------------------------------------------------------


def _true(_: BotApiStandIn, __: str, ___: Params) -> bool:
    return True


def _bot_user(api: BotApiStandIn, token: str) -> Params:
    return {
        "id": bot_id(token),
        "is_bot": True,
        "first_name": "RepayBot",
        "username": api.bot_username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def _chat(chat_id: Any) -> Params:
    cid = int(chat_id)
    return {"id": cid, "type": "private"} if cid > 0 else {"id": cid, "type": "supergroup"}


def _message(api: BotApiStandIn, token: str, params: Params) -> Params:
    message: Params = {
        "message_id": api.next_message_id(),
        "date": int(time.time()),
        "chat": _chat(params["chat_id"]),
        "from": _bot_user(api, token),
        "text": params.get("text", ""),
    }
    if "message_thread_id" in params:
        message["message_thread_id"] = params["message_thread_id"]
    markup = params.get("reply_markup")
    if isinstance(markup, dict) and "inline_keyboard" in markup:
        message["reply_markup"] = markup  # a sent message keeps only its inline keyboard
    return message


def _edited(api: BotApiStandIn, token: str, params: Params) -> Params | bool:
    if "inline_message_id" in params:
        return True
    message = _message(api, token, params)
    message["message_id"] = params.get("message_id", message["message_id"])
    message["edit_date"] = int(time.time())
    return message


def _set_webhook(api: BotApiStandIn, _: str, params: Params) -> bool:
    api.webhook = dict(params)
    return True


def _delete_webhook(api: BotApiStandIn, _: str, __: Params) -> bool:
    api.webhook = {}
    return True


def _webhook_info(api: BotApiStandIn, _: str, __: Params) -> Params:
    return {
        "url": api.webhook.get("url", ""),
        "has_custom_certificate": False,
        "pending_update_count": len(api.pending_updates),
    }


def _forum_topic(api: BotApiStandIn, _: str, params: Params) -> Params:
    return {
        "message_thread_id": api.next_topic_id(),
        "name": params.get("name", ""),
        "icon_color": int(params.get("icon_color") or 0x6FB9F0),
    }


def _chat_member(api: BotApiStandIn, _: str, params: Params) -> Params:
    user = {"id": int(params["user_id"]), "is_bot": False, "first_name": "Agent"}
    return {"status": "member", "user": user}


def _get_chat(_: BotApiStandIn, __: str, params: Params) -> Params:
    return {**_chat(params["chat_id"]), "accent_color_id": 0, "max_reaction_count": 11}


_ANSWERS: dict[str, Answer] = {
    "getMe": lambda api, token, _: _bot_user(api, token),
    "sendMessage": _message,
    "editMessageText": _edited,
    "editMessageReplyMarkup": _edited,
    "copyMessage": lambda api, _, __: {"message_id": api.next_message_id()},
    "forwardMessage": _message,
    "createForumTopic": _forum_topic,
    "getChatMember": _chat_member,
    "getChat": _get_chat,
    "setWebhook": _set_webhook,
    "deleteWebhook": _delete_webhook,
    "getWebhookInfo": _webhook_info,
    "getMyCommands": lambda *_: [],
}
