"""The lender's handoff rules (YAML validated by pydantic): priority, SLA, shifts, crisis lines."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator

from actions.domain.channels import Localised
from actions.domain.config_file import load_model


class Reason(StrEnum):
    REQUEST_HUMAN = "request_human"
    DISPUTE = "dispute"
    VULNERABLE = "vulnerable"
    COMPLAINT_LEGAL = "complaint_legal"
    OUT_OF_POLICY = "out_of_policy"
    NLU_FALLBACK = "nlu_fallback"


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"


PRIORITY_ORDER = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2}


class HandoffPolicyError(ValueError):
    """The handoff configuration is missing or invalid."""


class Shifts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timezone: str = "Asia/Shanghai"
    weekdays: list[int] = Field(default=[0, 1, 2, 3, 4, 5], min_length=1)
    start: time = time(9, 0)
    end: time = time(21, 0)

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, days: list[int]) -> list[int]:
        if any(day < 0 or day > 6 for day in days):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        return sorted(set(days))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def on_shift(self, moment: datetime) -> bool:
        local = moment.astimezone(self.tz)
        return local.weekday() in self.weekdays and self.start <= local.time() < self.end

    def next_start(self, moment: datetime) -> datetime:
        """When agents are next on shift (now, if they are)."""
        if self.on_shift(moment):
            return moment
        local = moment.astimezone(self.tz)
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            start = datetime.combine(day, self.start, tzinfo=self.tz)
            if day.weekday() in self.weekdays and start > local:
                return start
        raise HandoffPolicyError("shifts never start")  # pragma: no cover - weekdays non-empty


class Crisis(BaseModel):
    model_config = ConfigDict(extra="forbid")

    default_country: str = "CN"
    hotlines: dict[str, Localised]

    @field_validator("hotlines")
    @classmethod
    def _has_hotlines(cls, hotlines: dict[str, Localised]) -> dict[str, Localised]:
        if not hotlines:
            raise ValueError("at least one country's crisis hotlines are required")
        return hotlines

    def hotlines_for(self, country: str | None, lang: str) -> str:
        entry = self.hotlines.get(country or "") or self.hotlines.get(self.default_country)
        if entry is None:
            entry = next(iter(self.hotlines.values()))
        return entry.get(lang)


class HandoffPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    priorities: dict[Reason, Priority]
    self_harm_priority: Priority = Priority.URGENT
    sla_minutes: dict[Priority, int]
    shifts: Shifts = Shifts()
    crisis: Crisis
    outcomes: list[str] = Field(min_length=1)

    @field_validator("priorities")
    @classmethod
    def _every_reason(cls, priorities: dict[Reason, Priority]) -> dict[Reason, Priority]:
        missing = set(Reason) - set(priorities)
        if missing:
            raise ValueError(f"no priority for: {', '.join(sorted(missing))}")
        return priorities

    @field_validator("sla_minutes")
    @classmethod
    def _every_priority(cls, sla: dict[Priority, int]) -> dict[Priority, int]:
        missing = set(Priority) - set(sla)
        if missing or any(minutes <= 0 for minutes in sla.values()):
            raise ValueError("a positive SLA in minutes is needed for urgent, high and normal")
        return sla

    def priority(self, reason: Reason, self_harm: bool) -> Priority:
        return self.self_harm_priority if self_harm else self.priorities[reason]

    def sla(self, priority: Priority) -> timedelta:
        return timedelta(minutes=self.sla_minutes[priority])


def load_handoff_policy(path: Path) -> HandoffPolicy:
    """Reads and validates the file; errors name the file and the field."""
    return load_model(path, HandoffPolicy, HandoffPolicyError)
