"""``late-publication``: an item posted more than N working days after the date it depends on — a document
after its issue (Luật Tiếp cận thông tin Điều 18.4), a disclosure after its decision (Luật Thực hiện dân chủ ở
cơ sở Điều 12.3). Rule data: ``deadline: {from: field, to: field, working_days: N}``; also ``answer_within``
(a question answered, or still unanswered, N working days after it was asked)."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for rule_name in ("deadline", "answer_within"):
        for category, rule in ctx.with_rule(rule_name):
            limit = rule["working_days"]
            for item in ctx.in_category(category.slug):
                start, end = item.values.get(rule["from"]), item.values.get(rule["to"])
                if not isinstance(start, dt.date) or (end is None and rule["to"] in item.lines):
                    continue  # no start, or an end that was written but is not a date (reported as bad-date)
                unanswered = end is None and rule_name == "answer_within"
                end = ctx.as_of if unanswered else end
                if not isinstance(end, dt.date):
                    continue
                taken = ctx.calendar.working_days_between(start, end)
                if taken > limit:
                    spec = ctx.profile.record_types[item.record_type]
                    params = {"taken": taken, "limit": limit, "start_label": spec.field(rule["from"]).label,
                              "start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y"),
                              "end_label": spec.field(rule["to"]).label}
                    rule_id = "unanswered" if unanswered else ("late-answer" if rule_name == "answer_within"
                                                               else "late-publication")
                    line = item.lines.get(rule["to"])
                    yield Hit(item.rel, Problem(rule_id, params, line), category.slug)
