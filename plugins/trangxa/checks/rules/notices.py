"""``late-notice``: an announcement posted fewer than N working days before what it announces — a citizen
reception session (≥ 5, Luật Tiếp công dân), a planned outage (≥ 7, NĐ 224/2026 Điều 13). A notice listing several
sessions (``dates``) is posted before the first of them. Rule data: ``publish_before: {field: date announced,
dates: the field listing several dates, published: posting date, working_days: N}``."""

from __future__ import annotations

import datetime as dt

from trangxa.checks import CheckContext, Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("publish_before"):
        needed = rule["working_days"]
        for item in ctx.in_category(category.slug):
            days = [item.values.get(rule["field"])] + list(item.values.get(rule.get("dates") or "", ()) or ())
            days = [day for day in days if isinstance(day, dt.date)]
            posted = item.values.get(rule["published"])
            if not days or not isinstance(posted, dt.date) or not ctx.owed(min(days)):
                continue
            event = min(days)
            ahead = ctx.calendar.working_days_between(posted, event)
            if ahead < needed:
                params = {"ahead": ahead, "needed": needed, "event": event.strftime("%d/%m/%Y"),
                          "posted": posted.strftime("%d/%m/%Y")}
                due = _back(ctx, event, needed)
                yield Hit(item.rel, Problem("late-notice", params, item.lines.get(rule["published"])), category.slug,
                          on=due)


def _back(ctx: CheckContext, day: dt.date, count: int) -> dt.date:
    """The day ``count`` working days before ``day``: the last day a notice was on time."""
    while count > 0:
        day -= dt.timedelta(days=1)
        count -= ctx.calendar.is_working_day(day)
    return day
