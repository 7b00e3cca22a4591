"""Periods as commune pages write them: "Quý III/2026", "Quý 3 năm 2026", "6 tháng đầu năm 2026", "9 tháng đầu
năm 2026", "Năm 2026" — read into the quarters they cover, for budget reports and "không phát sinh" declarations."""

from __future__ import annotations

import datetime as dt
import re

from trangxa.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
QUARTER_NAMES = ("", "I", "II", "III", "IV")
# each pattern: (the year, the last quarter the period reaches, how many quarters it spans)
PATTERNS = (
    (re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:/|nam|-)\s*(\d{4})"),
     lambda m: (int(m[2]), ROMAN.get(m[1]) or int(m[1]), 1)),
    (re.compile(r"(\d{4})\s*q([1-4])"), lambda m: (int(m[1]), int(m[2]), 1)),
    (re.compile(r"(3|6|9|12)\s*thang(?:\s*dau)?(?:\s*nam)?\s*(\d{4})"),
     lambda m: (int(m[2]), int(m[1]) // 3, int(m[1]) // 3)),
    (re.compile(r"(?:ca\s*)?nam\s*(\d{4})"), lambda m: (int(m[1]), 4, 4)),
)


def _read(period: str) -> tuple[int, int, int] | None:
    text = fold(period)
    for pattern, read in PATTERNS:
        match = pattern.search(text)
        if match:
            return read(match)
    return None


def quarter_of(period: str) -> tuple[int, int] | None:
    """(year, quarter) a period ends with: "9 tháng đầu năm 2026" → (2026, 3) — a cumulative budget report is the
    report of its last quarter."""
    found = _read(period)
    return (found[0], found[1]) if found else None


def quarters_covered(period: str) -> tuple[tuple[int, int], ...]:
    """Every (year, quarter) a period spans: "6 tháng đầu năm 2026" → Q1 and Q2 of 2026."""
    found = _read(period)
    if not found:
        return ()
    year, last, span = found
    return tuple((year, quarter) for quarter in range(last - span + 1, last + 1))


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, quarter * 3 - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year, 12, 31) if quarter == 4 else dt.date(year, quarter * 3 + 1, 1) - dt.timedelta(days=1)


def quarter_containing(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def last_closed(day: dt.date) -> tuple[int, int]:
    """The last quarter that has ended by ``day`` (on a quarter's last day, it is the one before)."""
    number = (day.month - 1) // 3
    return (day.year, number) if number else (day.year - 1, 4)


def quarter_label(year: int, quarter: int) -> str:
    return f"Quý {QUARTER_NAMES[quarter]}/{year}"
