"""``consultation-result-missing``: once a consultation has closed, the summary of opinions and the response
are posted (Luật Thực hiện dân chủ ở cơ sở Điều 11.11). Rule data: ``result_after_close: {closes: the closing
date's field, result: the summary's field}``."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("result_after_close"):
        for item in ctx.in_category(category.slug):
            closed = item.values.get(rule["closes"])
            if isinstance(closed, dt.date) and closed < ctx.as_of and not item.values.get(rule["result"]):
                params = {"closed": closed.strftime("%d/%m/%Y")}
                yield Hit(item.rel, Problem("consultation-result-missing", params, item.lines.get(rule["closes"])),
                          category.slug)
