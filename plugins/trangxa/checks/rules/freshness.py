"""Freshness, per category, as the profile (or the province) sets it:
``stale-page`` — a page not reviewed within ``review: {days, field}`` (its review date's field);
``stale-category`` — nothing new posted within ``max_age_days``;
``schedule-not-current`` — no work schedule covers the current week (``current_week: {from, to}``: its fields)."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit

from trangxa.checks import published_on
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    yield from _reviews(ctx)
    yield from _ages(ctx)
    yield from _current_week(ctx)


def _reviews(ctx: CheckContext):
    for category, rule in ctx.with_rule("review"):
        for item in ctx.in_category(category.slug):
            reviewed = item.values.get(rule["field"])
            if not isinstance(reviewed, dt.date) or (ctx.as_of - reviewed).days > rule["days"]:
                params = {"days": rule["days"], "reviewed": reviewed.strftime("%d/%m/%Y") if reviewed else "chưa ghi"}
                yield Hit(item.rel, Problem("stale-page", params, item.lines.get(rule["field"], 1)), category.slug)


def _ages(ctx: CheckContext):
    for category, days in ctx.with_rule("max_age_days"):
        dates = [d for d in map(published_on, ctx.in_category(category.slug)) if d]
        if dates and (ctx.as_of - max(dates)).days > days:
            params = {"days": days, "latest": max(dates).strftime("%d/%m/%Y"), "category": category.name}
            yield Hit(f"{category.slug}/", Problem("stale-category", params), category.slug)


def _current_week(ctx: CheckContext):
    for category, rule in ctx.with_rule("current_week"):
        items = ctx.in_category(category.slug)
        if items and not any(_covers(item.values.get(rule["from"]), item.values.get(rule["to"]), ctx.as_of)
                             for item in items):
            params = {"category": category.name}
            yield Hit(f"{category.slug}/", Problem("schedule-not-current", params), category.slug)


def _covers(start, end, day: dt.date) -> bool:
    return isinstance(start, dt.date) and isinstance(end, dt.date) and start <= day <= end
