"""``late-publication``: an item posted more than N working days after the date it depends on — a document
after its issue (Luật Tiếp cận thông tin Điều 18.4), a disclosure after its decision (Luật Thực hiện dân chủ ở
cơ sở Điều 12.3), a legal-dissemination item after the policy it explains. Rule data: ``deadline: {from: field,
to: field, working_days: N}``. Also ``answer_within``: a question answered — or told the state of its handling
(``status``: that date's field) — within N working days of being asked (``late-answer``), or neither and the time is
up (``unanswered``). Nothing dated before the commune existed is owed by it."""

from __future__ import annotations

import datetime as dt

from trangxa.checks import CheckContext, Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for rule_name in ("deadline", "answer_within"):
        for category, rule in ctx.with_rule(rule_name):
            for item in ctx.in_category(category.slug):
                hit = _item(ctx, rule_name, rule, category.slug, item)
                if hit:
                    yield hit


def _item(ctx: CheckContext, rule_name: str, rule: dict, slug: str, item) -> Hit | None:
    start = item.values.get(rule["from"])
    if not isinstance(start, dt.date) or not ctx.owed(start):
        return None
    ends = [(key, item.values.get(key)) for key in (rule["to"], rule.get("status")) if key]
    if any(key in item.lines and not isinstance(value, dt.date) for key, value in ends if value is None):
        return None  # an end that was written but is not a date (reported as bad-date)
    given = sorted((value, key) for key, value in ends if isinstance(value, dt.date))
    unanswered = not given and rule_name == "answer_within"
    if not given and not unanswered:
        return None
    end, end_key = given[0] if given else (ctx.as_of, rule["to"])
    limit = rule["working_days"]
    taken = ctx.calendar.working_days_between(start, end)
    if taken <= limit:
        return None
    spec = ctx.profile.record_types[item.record_type]
    params = {"taken": taken, "limit": limit, "start_label": spec.field(rule["from"]).label,
              "start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y"),
              "end_label": spec.field(end_key).label}
    rule_id = "unanswered" if unanswered else ("late-answer" if rule_name == "answer_within" else "late-publication")
    due = ctx.calendar.add_working_days(start, limit)
    return Hit(item.rel, Problem(rule_id, params, item.lines.get(end_key)), slug, on=due)
