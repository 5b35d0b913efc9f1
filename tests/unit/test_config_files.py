"""The lender's files: a mistake stops start-up with the file and the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.domain.channels import ChannelsConfig, ChannelsError
from actions.domain.handoff_policy import HandoffPolicyError, load_handoff_policy
from actions.domain.ledger import FileLedger, LedgerError
from bot.settings import ContentSettings

CONTENT = ContentSettings()


def test_shipped_files_are_valid() -> None:
    policy = load_handoff_policy(CONTENT.handoff_path)
    assert policy.sla_minutes == {"urgent": 5, "high": 30, "normal": 240}
    assert policy.priority("dispute", self_harm=False) == "high"  # type: ignore[arg-type]
    assert len(ChannelsConfig.load(CONTENT.channels_path).channels) == 3
    assert FileLedger.load(CONTENT.ledger_path) is not None


def test_handoff_policy_error_names_the_field(tmp_path: Path) -> None:
    text = CONTENT.handoff_path.read_text(encoding="utf-8").replace("urgent: 5", "urgent: -5")
    path = tmp_path / "handoff.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HandoffPolicyError, match=r"handoff\.yaml: sla_minutes: .*positive"):
        load_handoff_policy(path)


def test_channels_error_names_the_field(tmp_path: Path) -> None:
    text = CONTENT.channels_path.read_text(encoding="utf-8").replace('cutoff_time: "17:00"', "")
    path = tmp_path / "channels.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChannelsError, match=r"channels\.yaml: channels\.0\.cutoff_time: "):
        ChannelsConfig.load(path)


def test_ledger_error_names_the_field_and_a_missing_file_is_clear(tmp_path: Path) -> None:
    text = CONTENT.ledger_path.read_text(encoding="utf-8").replace('"4321"', '"43"')
    path = tmp_path / "ledger.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LedgerError, match=r"ledger\.yaml: borrowers\.0\.id_last4: "):
        FileLedger.load(path)
    with pytest.raises(LedgerError, match=r"missing\.yaml: cannot read"):
        FileLedger.load(tmp_path / "missing.yaml")
