"""Runs `repaybot` as a separate process with piped stdin, on the tests' Redis."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPAYBOT = Path(sys.executable).parent / "repaybot"


def run_repaybot(redis_url: str, args: list[str], lines: list[str]) -> str:
    """The command's stdout; one input line per message, then end of input."""
    env = {**os.environ, "REDIS_URL": redis_url}
    env.pop("ACTIONS_URL", None)
    done = subprocess.run(
        [str(REPAYBOT), *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return done.stdout
