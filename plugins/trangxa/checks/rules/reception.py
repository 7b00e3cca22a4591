"""``reception-week-missing``: the chairman receives citizens at least one day a week (Luật Tiếp công dân 2013
Điều 15.2.d; NĐ 154/2026). Every week of the period is checked — from the start of the quarter of ``as_of`` (or
the commune's first day, when later) to next week, whose sessions must already be posted, 5 working days ahead.
A week without a working day (the Tết break) owes no session: the People's Committee's office is closed. A session
is a record's date (``date``) or each of the dates a notice lists (``dates``); a session moved by the notice's own
rule ("trùng ngày nghỉ thì tiếp vào ngày làm việc kế tiếp") counts for the week of the day it replaces (``moved``:
that day's field). Rule data: ``chairman_weekly: {chair, chair_field, date, dates, moved}``."""

from __future__ import annotations

import datetime as dt

from trangxa.checks import CheckContext, Hit
from trangxa.law.findings import Problem
from trangxa.text import fold

WEEK = dt.timedelta(days=7)


def sessions(item, rule: dict) -> list[tuple[dt.date, dt.date]]:
    """(the day of a session, the day it counts for) of each session a record announces."""
    days = [item.values.get(rule["date"])] + list(item.values.get(rule.get("dates") or "", ()) or ())
    moved = item.values.get(rule.get("moved") or "")
    found = [(day, day) for day in days if isinstance(day, dt.date)]
    if isinstance(moved, dt.date) and len(found) == 1:
        found = [(found[0][0], moved)]
    return found


def period_start(ctx: CheckContext) -> dt.date:
    """The first day of the period checked: the quarter's first day, or the commune's, when later."""
    start = dt.date(ctx.as_of.year, (ctx.as_of.month - 1) // 3 * 3 + 1, 1)
    return max(start, ctx.since) if ctx.since else start


def weeks(ctx: CheckContext) -> list[dt.date]:
    """The Monday of every week from the period's start to next week."""
    start = period_start(ctx)
    monday = start - dt.timedelta(days=start.weekday())
    last = ctx.as_of - dt.timedelta(days=ctx.as_of.weekday()) + WEEK
    return [monday + WEEK * n for n in range((last - monday) // WEEK + 1)]


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("chairman_weekly"):
        chair = fold(rule["chair"])
        counted = [counts for item in ctx.in_category(category.slug)
                   if fold(item.values.get(rule["chair_field"], "")).startswith(chair)
                   for _, counts in sessions(item, rule)]
        first = period_start(ctx)
        for start in weeks(ctx):
            days = [start + dt.timedelta(days=n) for n in range(7)]
            if not any(map(ctx.calendar.is_working_day, days)) or any(start <= day < start + WEEK for day in counted):
                continue  # a week the office is closed owes nothing
            params = {"start": start.strftime("%d/%m/%Y"), "end": days[-1].strftime("%d/%m/%Y"), "chair": rule["chair"]}
            yield Hit(f"{category.slug}/", Problem("reception-week-missing", params), category.slug,
                      on=max(start, first))  # a week across the quarter's start belongs to both quarters
