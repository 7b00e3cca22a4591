"""``consultation-result-missing``: once a consultation has closed, the summary of the opinions and the response
are published (Luật Thực hiện dân chủ ở cơ sở Điều 11.11) — within N working days of the close, the law's default
time for a disclosure (Điều 12.3): before that, nothing is missing yet. ``consultation-result-late``: a summary
posted after that time. The summary is its text (``result``) or its file (``result_file``). Rule data:
``result_after_close: {closes, result, result_file, posted, working_days}``."""

from __future__ import annotations

import datetime as dt

from trangxa.checks import CheckContext, Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("result_after_close"):
        for item in ctx.in_category(category.slug):
            closed = item.values.get(rule["closes"])
            if item.record_type != category.record_type or not isinstance(closed, dt.date):
                continue
            due = ctx.calendar.add_working_days(closed, rule.get("working_days", 0))
            yield from _summary(ctx, category.slug, rule, item, closed, due)


def _summary(ctx: CheckContext, slug: str, rule: dict, item, closed: dt.date, due: dt.date):
    params = {"closed": closed.strftime("%d/%m/%Y"), "due": due.strftime("%d/%m/%Y"),
              "days": rule.get("working_days", 0)}
    given = item.values.get(rule["result"]) or (rule.get("result_file") and item.values.get(rule["result_file"]))
    posted = item.values.get(rule["posted"]) if rule.get("posted") else None
    if not given:
        if ctx.as_of > due:
            yield Hit(item.rel, Problem("consultation-result-missing", params, item.lines.get(rule["closes"])), slug,
                      on=due)
    elif isinstance(posted, dt.date) and posted > due:
        params["posted"] = posted.strftime("%d/%m/%Y")
        yield Hit(item.rel, Problem("consultation-result-late", params, item.lines.get(rule["posted"])), slug, on=due)
