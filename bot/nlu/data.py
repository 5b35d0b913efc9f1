"""Load and validate Rasa 3.x NLU training data (`nlu:` blocks in YAML files).

Every problem is reported as `NLUDataError` naming the file and line, so a lender editing the
data sees exactly which example to fix.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.nlu.base import FALLBACK_INTENT, INTENTS
from bot.nlu.normalize import fold, normalize

ENTITY_TYPES: frozenset[str] = frozenset({"amount", "installments", "date", "time"})
KNOWN_INTENTS: frozenset[str] = frozenset((*INTENTS, FALLBACK_INTENT))
_KINDS = ("intent", "synonym", "regex", "lookup")
_ANNOTATION = re.compile(r"\[(?P<text>[^\[\]]+)\](?:\((?P<entity>[^()]+)\)|(?P<json>\{[^{}]*\}))")
_STRAY = re.compile(r"\]\(|\]\{|\[[^\]]*$")
_YAML_SUFFIXES = (".yml", ".yaml")


class NLUDataError(ValueError):
    """Malformed training data; `str()` is `file:line: message`."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class AnnotatedEntity:
    """An entity marked in an example: `[text](entity)` or `[text]{"entity": ..}`."""

    entity: str
    text: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Example:
    """One training or test message with its intent and where it was written."""

    text: str
    intent: str
    entities: tuple[AnnotatedEntity, ...] = ()
    source: str = ""
    line: int = 0


@dataclass
class TrainingData:
    """Everything the NLU files define."""

    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)

    def merge(self, other: TrainingData) -> None:
        self.examples.extend(other.examples)
        self.synonyms.update(other.synonyms)
        for name, patterns in other.regexes.items():
            self.regexes.setdefault(name, []).extend(patterns)
        for name, words in other.lookups.items():
            self.lookups.setdefault(name, []).extend(words)

    @property
    def texts(self) -> list[str]:
        return [example.text for example in self.examples]

    @property
    def labels(self) -> list[str]:
        return [example.intent for example in self.examples]


def resolve_data_dir(path: Path) -> Path:
    """`nlu_data` means its `nlu/` folder when there is one (responses live beside it)."""
    return path / "nlu" if (path / "nlu").is_dir() else path


def data_files(path: Path) -> list[Path]:
    """The YAML files under `path` (or `path` itself), in a stable order."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise NLUDataError(path, 0, "no such file or directory")
    return sorted(p for p in resolve_data_dir(path).rglob("*") if p.suffix in _YAML_SUFFIXES)


def data_hash(path: Path) -> str:
    """SHA-256 over the names and bytes of the data files: the model's cache key."""
    digest = hashlib.sha256()
    root = resolve_data_dir(path) if path.is_dir() else path.parent
    for file in data_files(path):
        digest.update(str(file.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_data(path: Path) -> TrainingData:
    """Load a data folder (files without an `nlu:` key are skipped) or one NLU file."""
    explicit = path.is_file()
    data = TrainingData()
    for file in data_files(path):
        data.merge(load_file(file, require_nlu=explicit))
    _check_conflicts(data.examples)
    if explicit and not data.examples:
        raise NLUDataError(path, 1, "no intent examples found")
    return data


def load_file(path: Path, *, require_nlu: bool = True) -> TrainingData:
    """Parse one Rasa NLU YAML file."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise NLUDataError(path, line, f"invalid YAML: {error.problem}") from error
    except UnicodeDecodeError as error:
        raise NLUDataError(path, 0, "file is not UTF-8") from error
    if root is None:
        if require_nlu:
            raise NLUDataError(path, 1, "empty file")
        return TrainingData()
    if not isinstance(root, yaml.MappingNode):
        raise NLUDataError(path, _line(root), "top level must be a mapping with `nlu:`")
    top = _mapping(root)
    if "nlu" not in top:
        if require_nlu:
            raise NLUDataError(path, _line(root), "missing `nlu:` key")
        return TrainingData()
    _check_version(path, root, top.get("version"))
    nlu = top["nlu"]
    if not isinstance(nlu, yaml.SequenceNode):
        raise NLUDataError(path, _line(nlu), "`nlu:` must be a list of blocks")
    data = TrainingData()
    for block in nlu.value:
        _load_block(path, block, data)
    return data


def _check_version(path: Path, root: yaml.Node, version: yaml.Node | None) -> None:
    if version is None:
        raise NLUDataError(path, _line(root), 'missing `version: "3.1"`')
    if not isinstance(version, yaml.ScalarNode) or version.tag != "tag:yaml.org,2002:str":
        raise NLUDataError(path, _line(version), 'version must be a quoted string like "3.1"')
    if not str(version.value).startswith("3."):
        raise NLUDataError(path, _line(version), f"unsupported version {version.value!r}")


def _load_block(path: Path, block: yaml.Node, data: TrainingData) -> None:
    if not isinstance(block, yaml.MappingNode):
        raise NLUDataError(path, _line(block), "each `nlu:` item must be a mapping")
    keys = _mapping(block)
    kinds = [kind for kind in _KINDS if kind in keys]
    if len(kinds) != 1:
        raise NLUDataError(
            path, _line(block), "each block needs exactly one of intent/synonym/regex/lookup"
        )
    kind = kinds[0]
    name_node = keys[kind]
    if not isinstance(name_node, yaml.ScalarNode) or not str(name_node.value).strip():
        raise NLUDataError(path, _line(name_node), f"`{kind}:` needs a name")
    name = str(name_node.value).strip()
    unknown = set(keys) - {kind, "examples", "metadata"}
    if unknown:
        raise NLUDataError(path, _line(block), f"unknown key(s) {sorted(unknown)}")
    if "examples" not in keys:
        raise NLUDataError(path, _line(block), f"{kind} {name!r} has no `examples:`")
    lines = list(_example_lines(path, keys["examples"]))
    if kind == "intent":
        if name not in KNOWN_INTENTS:
            raise NLUDataError(path, _line(name_node), f"unknown intent {name!r}")
        for line, raw in lines:
            data.examples.append(_parse_example(path, line, raw, name))
    elif kind == "synonym":
        for _, raw in lines:
            data.synonyms[fold(raw)] = name  # as the text it is applied to: simplified
    elif kind == "regex":
        for line, raw in lines:
            try:
                re.compile(raw)
            except re.error as error:
                raise NLUDataError(path, line, f"bad regex for {name!r}: {error}") from error
        data.regexes.setdefault(name, []).extend(raw for _, raw in lines)
    else:
        data.lookups.setdefault(name, []).extend(raw for _, raw in lines)


def _example_lines(path: Path, node: yaml.Node) -> Iterator[tuple[int, str]]:
    if not isinstance(node, yaml.ScalarNode):
        raise NLUDataError(path, _line(node), "`examples:` must be a block string (`|`)")
    first = node.start_mark.line + (2 if node.style in ("|", ">") else 1)
    found = False
    for offset, raw in enumerate(str(node.value).split("\n")):
        stripped = raw.strip()
        if not stripped:
            continue
        if not stripped.startswith("- ") or not stripped[2:].strip():
            raise NLUDataError(path, first + offset, f"expected `- example`, got {stripped!r}")
        found = True
        yield first + offset, _unquote(stripped[2:].strip())
    if not found:
        raise NLUDataError(path, _line(node), "`examples:` is empty")


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _parse_example(path: Path, line: int, raw: str, intent: str) -> Example:
    entities: list[AnnotatedEntity] = []
    parts: list[str] = []
    cursor = 0
    length = 0
    for match in _ANNOTATION.finditer(raw):
        before = raw[cursor : match.start()]
        parts.append(before)
        length += len(before)
        entity, value = _annotation(path, line, match)
        text = match.group("text")
        entities.append(AnnotatedEntity(entity, text, length, length + len(text), value))
        parts.append(text)
        length += len(text)
        cursor = match.end()
    parts.append(raw[cursor:])
    text = "".join(parts)
    if _STRAY.search(text):
        raise NLUDataError(path, line, f"malformed entity annotation in {raw!r}")
    if not text.strip():
        raise NLUDataError(path, line, "empty example")
    return Example(text, intent, tuple(entities), str(path), line)


def _annotation(path: Path, line: int, match: re.Match[str]) -> tuple[str, str | None]:
    if match.group("json") is not None:
        try:
            spec = json.loads(match.group("json"))
        except json.JSONDecodeError as error:
            raise NLUDataError(path, line, f"bad entity JSON {match.group('json')!r}") from error
        if not isinstance(spec, dict) or "entity" not in spec:
            raise NLUDataError(path, line, "entity JSON needs an `entity` key")
        entity = str(spec["entity"])
        value = spec.get("value")
        value = None if value is None else str(value)
    else:
        entity, _, synonym = match.group("entity").partition(":")
        value = synonym or None
    entity = entity.strip()
    if entity not in ENTITY_TYPES:
        raise NLUDataError(path, line, f"unknown entity {entity!r} (known: {sorted(ENTITY_TYPES)})")
    return entity, value


def _check_conflicts(examples: Iterable[Example]) -> None:
    seen: dict[str, Example] = {}
    for example in examples:
        key = normalize(example.text)
        first = seen.setdefault(key, example)
        if first.intent != example.intent:
            raise NLUDataError(
                example.source,
                example.line,
                f"{example.text!r} is labelled {example.intent!r} here but {first.intent!r} "
                f"at {first.source}:{first.line}",
            )


def _mapping(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {str(key.value): value for key, value in node.value}


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
