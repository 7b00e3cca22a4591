"""``late-notice``: an announcement posted fewer than N working days before what it announces — a citizen
reception session (≥ 5, Luật Tiếp công dân), a planned outage (≥ 7, NĐ 224/2026 Điều 13).
Rule data: ``publish_before: {field: date announced, published: posting date, working_days: N}``."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("publish_before"):
        needed = rule["working_days"]
        for item in ctx.in_category(category.slug):
            event, posted = item.values.get(rule["field"]), item.values.get(rule["published"])
            if not (isinstance(event, dt.date) and isinstance(posted, dt.date)):
                continue
            ahead = ctx.calendar.working_days_between(posted, event)
            if ahead < needed:
                params = {"ahead": ahead, "needed": needed, "event": event.strftime("%d/%m/%Y"),
                          "posted": posted.strftime("%d/%m/%Y")}
                yield Hit(item.rel, Problem("late-notice", params, item.lines.get(rule["published"])), category.slug)
