"""Token check for the ops page: `Authorization: Bearer <token>`, or `?token=` once → cookie.

The cookie holds an HMAC of the token, not the token. Without a valid token the answer is a
401 page that shows no data. With no token configured (`--dev`) every request is let in.
"""

from __future__ import annotations

import hashlib
import hmac

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware
from multidict import MultiDict

COOKIE = "repaybot_ops"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def session_value(token: str) -> str:
    return hmac.new(token.encode(), b"repaybot-ops-session", hashlib.sha256).hexdigest()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _bearer(request: web.Request) -> str | None:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _unauthorised(request: web.Request) -> web.Response:
    headers = {"WWW-Authenticate": 'Bearer realm="repaybot ops"'}
    if request.path.endswith("/metrics"):
        return web.Response(status=401, text="401 Unauthorized\n", headers=headers)
    body = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<title>401 Unauthorized</title></head><body><main><h1>401 Unauthorized</h1>"
        "<p>A valid ops token is needed: open this page with <code>?token=…</code> once, "
        "or send <code>Authorization: Bearer …</code>.</p></main></body></html>"
    )
    return web.Response(status=401, text=body, content_type="text/html", headers=headers)


def _without_token(request: web.Request) -> str:
    query = MultiDict((k, v) for k, v in request.query.items() if k != "token")
    return str(request.rel_url.with_query(query))


def cookie_path(request: web.Request) -> str:
    """The path the ops app is mounted at ("/" or e.g. "/ops/")."""
    return str(request.app.router["overview"].url_for())


def token_middleware(token: str | None) -> Middleware:
    """The auth middleware; `token=None` lets everything in (development only)."""
    if token is not None and not token.strip():
        raise ValueError("the ops token is empty: set a real one, or None for development")
    session = session_value(token) if token else ""

    @web.middleware
    async def check_token(request: web.Request, handler: Handler) -> web.StreamResponse:
        if token is None:
            return await handler(request)
        if "token" in request.query:
            if not _same(request.query["token"], token):
                return _unauthorised(request)
            redirect = web.HTTPFound(_without_token(request))
            redirect.set_cookie(
                COOKIE,
                session,
                path=cookie_path(request),
                httponly=True,
                samesite="Strict",
                secure=request.secure,
            )
            raise redirect
        bearer = _bearer(request)
        if bearer is not None:
            allowed = _same(bearer, token)
        else:
            allowed = _same(request.cookies.get(COOKIE, ""), session)
        if not allowed:
            return _unauthorised(request)
        return await handler(request)

    return check_token


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare` hook: no caching, no framing, no scripts, no referrer leaks."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
