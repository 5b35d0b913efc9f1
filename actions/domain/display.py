"""Dates and times as borrowers read them, in their language and timezone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

_WEEKDAYS = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date, lang: str) -> str:
    """`2026年12月15日（周二）` / `Tue 15 Dec 2026`."""
    weekday = _WEEKDAYS["zh" if lang == "zh" else "en"][day.weekday()]
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日（{weekday}）"
    return f"{weekday} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """The date and 24-hour time in `tz`, with the zone named so nobody guesses."""
    local = moment.astimezone(tz)
    return f"{format_date(local.date(), lang)} {local:%H:%M} ({tz.key})"


def format_time(moment: datetime, tz: ZoneInfo) -> str:
    return f"{moment.astimezone(tz):%H:%M}"
