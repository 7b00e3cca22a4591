"""``budget-report-missing`` / ``budget-report-late``: each quarter's budget execution report is posted within
N days of the quarter's end (Thông tư 26/2026/TT-BTC; historically 15 days). Every quarter whose deadline fell in
the year before ``as_of`` is checked — none that ended before the commune existed (its ``ngay_thanh_lap``). The
quarter is read from the report's period (``ky_bao_cao``): "Quý III/2026", "Quý 3 năm 2026", and the cumulative
reports communes publish — "6 tháng đầu năm 2026" (the second quarter's), "9 tháng đầu năm 2026" (the third's),
"Năm 2026" (the fourth's). An execution report must say its period (``missing-field``); an estimate or a final
account has none. Rule data: ``quarter_report: {days: N, period: the field of the period, posted: the posting
date}``."""

from __future__ import annotations

import datetime as dt

from trangxa.checks import CheckContext, Hit
from trangxa.checks.periods import QUARTER_NAMES, quarter_end, quarter_of
from trangxa.law.findings import Problem

__all__ = ["QUARTER_NAMES", "check", "due_quarters", "quarter_end", "quarter_of"]

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
        reports, unnamed = {}, []
        for item in ctx.in_category(category.slug):
            if item.record_type != category.record_type:
                continue
            period = quarter_of(item.values.get(rule["period"], ""))
            if period:
                reports.setdefault(period, item)
            elif rule["period"] not in item.values:
                unnamed.append(item)
        yield from _unnamed(ctx, category, rule, unnamed)
        for year, quarter, deadline in due_quarters(ctx.as_of, rule["days"]):
            if ctx.owed(quarter_end(year, quarter)):
                yield from _quarter(category.slug, rule, reports.get((year, quarter)), year, quarter, deadline)


def _quarter(slug: str, rule: dict, report, year: int, quarter: int, deadline: dt.date):
    params = {"quarter": f"Quý {QUARTER_NAMES[quarter]}/{year}", "deadline": deadline.strftime("%d/%m/%Y")}
    posted = report.values.get(rule["posted"]) if report else None
    if report is None:
        yield Hit(f"{slug}/", Problem("budget-report-missing", params), slug, on=deadline)
    elif isinstance(posted, dt.date) and posted > deadline:
        params["posted"] = posted.strftime("%d/%m/%Y")
        yield Hit(report.rel, Problem("budget-report-late", params, report.lines.get(rule["posted"])), slug, on=deadline)


def _unnamed(ctx: CheckContext, category, rule: dict, items: list):
    """An execution report without its period cannot be placed in a quarter: it must say which it is."""
    spec = ctx.profile.record_types[category.record_type].field(rule["period"])
    for item in items:
        params = {"field": spec.key, "label": spec.label}
        yield Hit(item.rel, Problem("missing-field", params, 1), category.slug, on=item.posted)
