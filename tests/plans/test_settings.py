"""The policy is read at start-up from the shared settings; the plan CLI uses the same ones."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from redis.asyncio import Redis

from actions.domain.policy import PolicyError
from bot.plan_cli import add_plan_commands
from bot.services import build_services
from bot.settings import ContentSettings, Settings


def test_a_wrong_policy_file_stops_start_up_naming_the_field(
    tmp_path: Path, redis_url: str
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("instalments:\n  max_count: 1\n", encoding="utf-8")
    settings = Settings(content=ContentSettings(policy_path=policy))
    with pytest.raises(PolicyError, match=r"policy\.yaml: instalments\.max_count: .*greater than"):
        build_services(settings, redis_url)


async def test_policy_path_comes_from_settings(
    tmp_path: Path, redis: Redis, redis_url: str
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("instalments:\n  max_count: 4\n", encoding="utf-8")
    services = build_services(Settings(content=ContentSettings(policy_path=policy)), redis_url)
    try:
        assert services.domain.policy.instalments.max_count == 4
    finally:
        await services.close()


def test_plan_cli_defaults_are_the_bots_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_PATH", "/srv/lender/policy.yaml")
    monkeypatch.delenv("REDIS_URL", raising=False)
    parser = argparse.ArgumentParser(prog="repaybot")
    add_plan_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["plan", "ls", "--borrower", "D-1001"])
    assert args.policy == Path("/srv/lender/policy.yaml")
    assert args.ledger == ContentSettings().ledger_path
    assert args.redis_url is None  # resolved like the bot's: $REDIS_URL or the embedded server
