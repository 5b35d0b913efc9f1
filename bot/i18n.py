"""Response catalogs: Fluent (.ftl) files per language under `nlu_data/responses/{lang}/`."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import FluentParser, ast

LANGUAGES: tuple[str, ...] = ("zh", "en")
_BABEL_LOCALES = {"zh": "zh-CN", "en": "en-US"}

logger = logging.getLogger(__name__)


def telegram_language(language_code: str | None) -> str | None:
    """The catalog language for a Telegram client's `language_code` (zh-hans → zh), if any."""
    code = (language_code or "").lower()
    return next((lang for lang in LANGUAGES if code.startswith(lang)), None)


class CatalogError(ValueError):
    """A catalog file is malformed."""


def _message_ids(path: Path, source: str) -> set[str]:
    """Ids of the messages in one file; a syntax error is reported with file and line."""
    resource = FluentParser(with_spans=True).parse(source)
    ids: set[str] = set()
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            start = entry.span.start if entry.span else 0
            line = source.count("\n", 0, start) + 1
            note = entry.annotations[0].message if entry.annotations else "syntax error"
            raise CatalogError(f"{path}:{line}: {note}")
        if isinstance(entry, ast.Message):
            ids.add(entry.id.name)
    return ids


class Catalog:
    """All texts the bot can say, in every language, looked up by response name."""

    def __init__(self, bundles: Mapping[str, FluentBundle], ids: Mapping[str, set[str]]) -> None:
        self._bundles = dict(bundles)
        self._ids = {lang: frozenset(found) for lang, found in ids.items()}
        # Texts without variables, formatted once: most prompts and every button label.
        self._static: dict[tuple[str, str], str] = {}

    @classmethod
    def load(cls, directory: Path) -> Catalog:
        bundles: dict[str, FluentBundle] = {}
        ids: dict[str, set[str]] = {}
        for lang in LANGUAGES:
            files = sorted((directory / lang).glob("*.ftl"))
            if not files:
                raise CatalogError(f"{directory / lang}: no .ftl files")
            bundle = FluentBundle([_BABEL_LOCALES[lang]], use_isolating=False)
            ids[lang] = set()
            for path in files:
                source = path.read_text(encoding="utf-8")
                ids[lang] |= _message_ids(path, source)
                bundle.add_resource(FluentResource(source))
            bundles[lang] = bundle
        return cls(bundles, ids)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._bundles)

    def ids(self, lang: str) -> frozenset[str]:
        return self._ids[lang]

    def has(self, key: str) -> bool:
        return all(key in found for found in self._ids.values())

    def text(self, lang: str, key: str, /, **args: Any) -> str:
        """The text `key` in `lang`; a missing variable is a bug and is logged, not shown raw."""
        if lang not in self._bundles:
            lang = LANGUAGES[0]
        if not args and (lang, key) in self._static:
            return self._static[lang, key]
        bundle = self._bundles[lang]
        message = bundle.get_message(key) if bundle.has_message(key) else None
        if message is None or message.value is None:
            raise KeyError(f"no text {key!r} in catalog {lang!r}")
        text, errors = bundle.format_pattern(message.value, args)
        if errors:
            logger.error("catalog %s/%s: %s", lang, key, "; ".join(map(str, errors)))
        elif not args:
            self._static[lang, key] = str(text)
        return str(text)
