"""``reception-week-missing``: the chairman receives citizens at least one day a week (Luật Tiếp công dân,
NĐ 154/2026). Checked for this week, the ``weeks_back - 1`` weeks before it, and next week — whose schedule must
already be posted, 5 working days ahead. Rule data: ``chairman_weekly: {weeks_back: N, chair: title, date: the
session's date field, chair_field: the field of the chair's title}``."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem
from trangxa.text import fold

WEEK = dt.timedelta(days=7)


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("chairman_weekly"):
        chair = fold(rule["chair"])
        sessions = [item.values[rule["date"]] for item in ctx.in_category(category.slug)
                    if isinstance(item.values.get(rule["date"]), dt.date)
                    and fold(item.values.get(rule["chair_field"], "")).startswith(chair)]
        monday = ctx.as_of - dt.timedelta(days=ctx.as_of.weekday())
        weeks = [monday - WEEK * back for back in range(rule["weeks_back"] - 1, -1, -1)]
        for start in weeks + [monday + WEEK]:
            if not any(start <= day < start + WEEK for day in sessions):
                params = {"start": start.strftime("%d/%m/%Y"), "end": (start + dt.timedelta(days=6)).strftime("%d/%m/%Y"),
                          "chair": rule["chair"]}
                yield Hit(f"{category.slug}/", Problem("reception-week-missing", params), category.slug)
