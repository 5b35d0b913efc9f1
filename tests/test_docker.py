"""docker/: Docker cannot run here, so check what a `docker compose up` would rely on.

The compose file parses; each service runs a real `repaybot` subcommand with arguments the CLI
accepts; each variable it sets is a setting the bot reads; secrets are never written down;
the Dockerfile is multi-stage, runs as an unprivileged user and bakes in no secret.
"""

from __future__ import annotations

import importlib
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import AliasChoices
from pydantic_settings import BaseSettings

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker" / "compose.yaml"
DOCKERFILE = ROOT / "docker" / "Dockerfile"
SECRETS = {"BOT_TOKEN", "WEBHOOK_SECRET", "OPS_TOKEN"}
# Modules whose pydantic-settings classes define every variable the bot reads.
SETTINGS_MODULES = ("bot.settings", "bot.nlu.factory")
# Variables for Python and pip themselves, not for the bot.
RUNTIME_VARIABLES = re.compile(r"^(PYTHON|PIP_)")
_INTERPOLATION = re.compile(r"^\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}$")


def setting_names() -> set[str]:
    """Every environment variable some settings class reads (prefix + field, or its aliases)."""
    names: set[str] = set()
    for module_name in SETTINGS_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for cls in vars(module).values():
            if isinstance(cls, type) and issubclass(cls, BaseSettings) and cls is not BaseSettings:
                names |= _env_names(cls)
    return names


def _env_names(cls: type[BaseSettings]) -> set[str]:
    prefix = str(cls.model_config.get("env_prefix", ""))
    names: set[str] = set()
    for field_name, field in cls.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, str):
            names.add(alias.upper())
        elif isinstance(alias, AliasChoices):
            names |= {c.upper() for c in alias.choices if isinstance(c, str)}
        else:
            names.add(f"{prefix}{field_name}".upper())
    return names


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(loaded, dict)
    return loaded


def app_services() -> dict[str, dict[str, Any]]:
    """The services built from docker/Dockerfile (everything but Redis)."""
    services: dict[str, dict[str, Any]] = compose()["services"]
    return {name: s for name, s in services.items() if "build" in s}


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): str(v) for k, v in env.items()}


def command(service: dict[str, Any]) -> list[str]:
    value = service["command"]
    return shlex.split(value) if isinstance(value, str) else [str(v) for v in value]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    instructions = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            keyword, _, rest = stripped.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
    return instructions


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile_instructions()
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def dockerfile_variables(keyword: str) -> dict[str, str]:
    """NAME → value of every ARG or ENV (`NAME=value` pairs, or the legacy `ENV NAME value`)."""
    found: dict[str, str] = {}
    for instruction, rest in dockerfile_instructions():
        if instruction != keyword:
            continue
        words = shlex.split(rest)
        if keyword == "ENV" and len(words) >= 2 and "=" not in words[0]:
            found[words[0]] = " ".join(words[1:])
            continue
        for word in words:
            name, _, value = word.partition("=")
            found[name] = value
    return found


# --- compose ------------------------------------------------------------------------------------


def test_compose_has_redis_with_aof_on_a_volume() -> None:
    spec = compose()
    redis = spec["services"]["redis"]
    assert redis["image"].startswith("redis:7")
    args = command(redis)
    assert args[args.index("--appendonly") + 1] == "yes"
    mounts = [str(v).split(":")[0] for v in redis["volumes"]]
    assert mounts and all(m in spec["volumes"] for m in mounts)


def test_compose_runs_the_bot_by_webhook_the_action_server_and_the_ops_page() -> None:
    commands = {name: command(s) for name, s in app_services().items()}
    assert commands["bot"] == ["run", "--webhook"]
    assert commands["actions"][0] == "actions"
    assert commands["ops"][0] == "ops"


@pytest.mark.parametrize("name", sorted(app_services()))
def test_every_service_command_is_a_real_repaybot_subcommand(name: str) -> None:
    args = command(app_services()[name])
    try:
        parsed = build_parser().parse_args(args)
    except SystemExit as exit_:  # argparse's way of saying "no such command or option"
        raise AssertionError(f"`repaybot {shlex.join(args)}` is rejected by the CLI") from exit_
    assert parsed.command == args[0]
    assert callable(parsed.func)


def test_every_variable_compose_sets_is_a_real_setting() -> None:
    known = setting_names()
    unknown = {
        f"{name}: {variable}"
        for name, service in app_services().items()
        for variable in environment(service)
        if variable not in known
    }
    assert not unknown, f"not read by any settings class: {sorted(unknown)}"


def test_secrets_in_compose_are_only_ever_taken_from_the_environment() -> None:
    for name, service in compose()["services"].items():
        for variable, value in environment(service).items():
            if variable in SECRETS:
                assert _INTERPOLATION.match(value), f"{name} sets {variable} to a literal"
                assert ":?" in value, f"{name} should refuse to start without {variable}"


def test_each_secret_reaches_only_the_service_that_needs_it() -> None:
    given = {name: set(environment(s)) & SECRETS for name, s in app_services().items()}
    assert given == {"bot": {"BOT_TOKEN", "WEBHOOK_SECRET"}, "actions": set(), "ops": {"OPS_TOKEN"}}
    for service in app_services().values():
        files = [f["path"] if isinstance(f, dict) else f for f in service.get("env_file", [])]
        assert ".env" not in files  # the secrets' file, whole, in every container


def test_the_services_share_one_redis_and_the_bot_uses_the_action_server() -> None:
    services = app_services()
    urls = {environment(s).get("REDIS_URL") for s in services.values()}
    assert urls == {"redis://redis:6379/0"}
    actions_port = command(services["actions"])[-1]
    assert environment(services["bot"])["ACTIONS_URL"] == f"http://actions:{actions_port}"


# --- Dockerfile ---------------------------------------------------------------------------------


def test_dockerfile_is_multi_stage_and_the_final_stage_is_slim_python() -> None:
    stages = [rest for keyword, rest in dockerfile_instructions() if keyword == "FROM"]
    assert len(stages) >= 2
    base = dockerfile_variables("ARG").get("PYTHON_IMAGE", "")
    final = stages[-1].split()[0].replace("${PYTHON_IMAGE}", base)
    assert re.match(r"python:3\.11-slim", final), final


def test_final_image_has_no_build_tools_and_installs_only_wheels() -> None:
    final_runs = " ".join(rest for keyword, rest in final_stage() if keyword == "RUN")
    for tool in ("build-essential", "gcc", "apt-get install"):
        assert tool not in final_runs
    assert "--no-index" in final_runs


def test_dockerfile_runs_as_an_unprivileged_user() -> None:
    users = [rest for keyword, rest in dockerfile_instructions() if keyword == "USER"]
    assert users, "no USER: the container would run as root"
    assert users[-1].split(":")[0] not in ("root", "0")


def test_dockerfile_entrypoint_is_repaybot() -> None:
    entrypoints = [rest for keyword, rest in dockerfile_instructions() if keyword == "ENTRYPOINT"]
    assert entrypoints[-1] == '["repaybot"]'


def test_dockerfile_bakes_in_no_secret() -> None:
    for keyword in ("ARG", "ENV"):
        for name, value in dockerfile_variables(keyword).items():
            if name in SECRETS or re.search(r"TOKEN|SECRET|PASSWORD", name):
                assert not value, f"{keyword} {name} carries a value into the image"


def test_dockerfile_environment_is_real_settings_pointing_at_copied_files() -> None:
    known = setting_names()
    copied = {
        "/app/" + rest.split()[-1].removeprefix("./")
        for keyword, rest in final_stage()
        if keyword == "COPY" and not rest.startswith("--from")
    }
    for name, value in dockerfile_variables("ENV").items():
        if RUNTIME_VARIABLES.match(name):
            continue
        assert name in known, f"ENV {name} is not a setting"
        if value.startswith("/app/") and not value.startswith("/app/var/"):
            top = "/".join(value.split("/")[:3])
            assert top in copied, f"{name}={value}: nothing is copied to {top}"
            assert (ROOT / value.removeprefix("/app/")).exists(), f"{name}: {value} not in repo"


def test_dockerignore_keeps_what_the_dockerfile_copies_and_drops_secrets() -> None:
    ignore = (ROOT / ".dockerignore").read_text().splitlines()
    kept = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    sources = {
        rest.split()[0].removeprefix("./")
        for keyword, rest in dockerfile_instructions()
        if keyword == "COPY" and not rest.startswith("--from")
    }
    assert sources <= kept
    assert all((ROOT / source).exists() for source in sources)
    assert "**/.env" in ignore
