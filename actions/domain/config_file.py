"""The lender's YAML files, read and validated the same way: errors name the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


def describe(path: Path, exc: ValidationError) -> str:
    """One line per problem: `config/policy.yaml: instalments.max_count: <what is wrong>`."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        lines.append(f"{path}: {where}: {error['msg']}")
    return "\n".join(lines)


def read_yaml(path: Path, error: type[ValueError]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise error(f"{path}: invalid YAML: {exc}") from exc


def validate(raw: Any, model: type[Model], path: Path, error: type[ValueError]) -> Model:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error(describe(path, exc)) from exc


def load_model(path: Path, model: type[Model], error: type[ValueError]) -> Model:
    """Reads `path` and validates it as `model`; any problem raises `error`."""
    return validate(read_yaml(path, error), model, path, error)
