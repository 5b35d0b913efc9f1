"""`repaybot run` as a separate process: started, waited for, killed, its log kept for failures."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bot.redis_server import free_port

REPAYBOT = Path(sys.executable).parent / "repaybot"
TOKEN = "42:TEST"
SECRET = "e2e-webhook-secret"
START_TIMEOUT = 90.0  # importing aiogram and friends takes 10-20 s here; more under load
WEBHOOK_PATH = "/telegram/webhook"


def bot_env(redis_url: str, **extra: str) -> dict[str, str]:
    """A clean environment: only what the bot needs, nothing from the developer's shell."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        BOT_TOKEN=TOKEN,
        REDIS_URL=redis_url,
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


@dataclass
class BotProcess:
    """One `repaybot run [--webhook]` child process; stdout and stderr go to `log_path`."""

    name: str
    args: list[str]
    env: dict[str, str]
    workdir: Path
    port: int = 0  # the webhook port, 0 in polling mode
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook_url(self) -> str:
        return self.url + WEBHOOK_PATH

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            # cwd is a scratch directory: no developer `.env` is read.
            self.process = subprocess.Popen(
                [str(REPAYBOT), *self.args],
                cwd=self.workdir,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def check_alive(self) -> None:
        if not self.alive:
            code = self.process.returncode if self.process else None
            raise AssertionError(f"{self.name} exited ({code}):\n{self.log_tail()}")

    async def wait_healthy(self, timeout: float = START_TIMEOUT) -> None:
        """Webhook mode: until GET /healthz answers 200."""
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as http:
            while time.monotonic() < deadline:
                self.check_alive()
                try:
                    async with http.get(self.url + "/healthz") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
        raise AssertionError(f"{self.name} not healthy in {timeout} s:\n{self.log_tail()}")

    def send_signal(self, sig: signal.Signals) -> None:
        assert self.process is not None
        self.process.send_signal(sig)

    async def wait_exit(self, timeout: float = 40) -> int:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} still running after {timeout} s")
            await asyncio.sleep(0.05)
        return self.process.returncode

    async def kill(self) -> None:
        """SIGKILL: no clean-up at all, like a machine that dies."""
        if self.alive:
            self.send_signal(signal.SIGKILL)
            await self.wait_exit()

    def stop(self) -> None:
        """Test clean-up: SIGTERM, then SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def polling_bot(api_url: str, redis_url: str, workdir: Path) -> BotProcess:
    """`repaybot run --api-url URL`: long polling against the stand-in."""
    return BotProcess("polling", ["run", "--api-url", api_url], bot_env(redis_url), workdir)


def webhook_worker(name: str, api_url: str, redis_url: str, workdir: Path) -> BotProcess:
    """`repaybot run --webhook` on a free port; it registers itself with setWebhook."""
    port = free_port()
    env = bot_env(
        redis_url,
        TELEGRAM_API_URL=api_url,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
        WEBHOOK_URL=f"http://127.0.0.1:{port}",
    )
    return BotProcess(name, ["run", "--webhook"], env, workdir, port=port)
