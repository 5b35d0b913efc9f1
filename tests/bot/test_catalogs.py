"""Every text exists in both languages, with the same variables, and the tone rules hold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fluent.runtime import FluentBundle

from bot.i18n import LANGUAGES, Catalog, CatalogError
from bot.settings import ContentSettings

LOCALES = ContentSettings().locales_dir
_VARIABLE = re.compile(r"\{\s*\$(\w+)")


def _sources(lang: str) -> dict[str, set[str]]:
    """Message id → the variables its text uses, read from the .ftl files."""
    found: dict[str, set[str]] = {}
    current = None
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            head = re.match(r"^([a-z][\w-]*)\s*=", line)
            if head:
                current = head.group(1)
                found[current] = set()
            if current and not line.startswith("#"):
                found[current] |= set(_VARIABLE.findall(line))
    return found


def test_every_text_exists_in_both_languages() -> None:
    catalog = Catalog.load(LOCALES)
    assert catalog.ids("zh") == catalog.ids("en")
    assert len(catalog.ids("zh")) > 40


def test_both_languages_use_the_same_variables() -> None:
    zh, en = _sources("zh"), _sources("en")
    mismatched = {key for key in zh if zh[key] != en.get(key)}
    assert mismatched == set()


def test_no_threats_or_third_parties_in_any_text() -> None:
    banned = ("family", "employer", "relatives", "shame", "家人", "单位", "亲属", "曝光", "起诉你")
    for lang in ("zh", "en"):
        for path in (LOCALES / lang).glob("*.ftl"):
            text = path.read_text(encoding="utf-8").lower()
            assert not [word for word in banned if word in text], path


def test_malformed_catalog_names_file_and_line(tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "core.ftl").write_text("hello = Hi\n", encoding="utf-8")
    (tmp_path / "en" / "core.ftl").write_text("hello = Hi\n\nbroken = { $x\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"en/core\.ftl:3"):
        Catalog.load(tmp_path)


def test_a_text_without_variables_is_formatted_once_and_one_with_variables_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for lang, hello, owed in (
        ("zh", "您好", "您欠 { $amount }"),
        ("en", "Hello", "You owe { $amount }"),
    ):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "core.ftl").write_text(
            f"hello = {hello}\nowed = {owed}\n", encoding="utf-8"
        )
    catalog = Catalog.load(tmp_path)
    formatted: list[str] = []
    format_pattern = FluentBundle.format_pattern

    def counted(self: FluentBundle, pattern: Any, args: Any = None) -> Any:
        text, errors = format_pattern(self, pattern, args)
        formatted.append(text)
        return text, errors

    monkeypatch.setattr(FluentBundle, "format_pattern", counted)
    assert [catalog.text("en", "hello") for _ in range(3)] == ["Hello"] * 3
    assert catalog.text("zh", "hello") == "您好"
    assert catalog.text("en", "owed", amount="¥10.00") == "You owe ¥10.00"
    assert catalog.text("en", "owed", amount="¥20.00") == "You owe ¥20.00"
    assert formatted == ["Hello", "您好", "You owe ¥10.00", "You owe ¥20.00"]
    # A language the catalog lacks is its first language, and shares that language's texts.
    assert catalog.text("fr", "hello") == catalog.text(LANGUAGES[0], "hello")
    assert len(formatted) == 4
