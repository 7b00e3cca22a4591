"""``budget-report-missing`` / ``budget-report-late``: each quarter's budget execution report is posted within
N days of the quarter's end (Thông tư 26/2026/TT-BTC; historically 15 days). Every quarter whose deadline fell in
the year before ``as_of`` is checked. The quarter is read from ``ky_bao_cao`` ("Quý III/2026", "6 tháng 2026",
"Năm 2026"). Rule data: ``quarter_report: {days: N, period: the field of the period, posted: the posting date}``."""

import datetime as dt
import re

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem
from trangxa.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
QUARTER_NAMES = ("", "I", "II", "III", "IV")
PATTERNS = (
    (re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:/|nam|-)\s*(\d{4})"), lambda m: (int(m[2]), ROMAN.get(m[1]) or int(m[1]))),
    (re.compile(r"(\d{4})\s*q([1-4])"), lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"6\s*thang(?:\s*dau\s*nam)?\s*(?:nam\s*)?(\d{4})"), lambda m: (int(m[1]), 2)),
    (re.compile(r"(?:ca\s*)?nam\s*(\d{4})"), lambda m: (int(m[1]), 4)),
)


def quarter_of(period: str) -> tuple[int, int] | None:
    text = fold(period)
    for pattern, read in PATTERNS:
        match = pattern.search(text)
        if match:
            return read(match)
    return None


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year, 12, 31) if quarter == 4 else dt.date(year, quarter * 3 + 1, 1) - dt.timedelta(days=1)


def due_quarters(as_of: dt.date, days: int) -> list[tuple[int, int, dt.date]]:
    """(year, quarter, deadline) of each quarter whose deadline passed within the year before ``as_of``."""
    due = []
    for year in (as_of.year - 1, as_of.year):
        for quarter in range(1, 5):
            deadline = quarter_end(year, quarter) + dt.timedelta(days=days)
            if as_of - dt.timedelta(days=365) < deadline < as_of:
                due.append((year, quarter, deadline))
    return due


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("quarter_report"):
        reports = {}
        for item in ctx.in_category(category.slug):
            period = quarter_of(item.values.get(rule["period"], ""))
            if period:
                reports.setdefault(period, item)
        posted = rule["posted"]
        for year, quarter, deadline in due_quarters(ctx.as_of, rule["days"]):
            params = {"quarter": f"Quý {QUARTER_NAMES[quarter]}/{year}", "deadline": deadline.strftime("%d/%m/%Y")}
            report = reports.get((year, quarter))
            if report is None:
                yield Hit(f"{category.slug}/", Problem("budget-report-missing", params), category.slug)
            elif isinstance(report.values.get(posted), dt.date) and report.values[posted] > deadline:
                params["posted"] = report.values[posted].strftime("%d/%m/%Y")
                problem = Problem("budget-report-late", params, report.lines.get(posted))
                yield Hit(report.rel, problem, category.slug)
