"""``missing-category``: each category the law requires (``required: always``) has at least ``min_items`` items (the
introduction items of NĐ 224 Điều 9.1.c among them). A category with sub-categories is judged through them. Only
records of the category's own type count: an introduction (index.md) above a list of disclosures is not a
disclosure. A category whose first record cannot be due yet for a new unit — the final accounts of its first budget
year, approved by the commune's People's Council within the deadline the province sets, at the latest before 31
December of the next year (Luật Ngân sách nhà nước 2015 Điều 69.5) — is required only from that day plus the
disclosure deadline: ``presence_from: {years: N, working_days: D}`` counts from 31 December of the year the commune
was established (``ngay_thanh_lap``)."""

from __future__ import annotations

import datetime as dt

from trangxa.checks import CheckContext, Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category in ctx.profile.categories:
        if category.required != "always" or ctx.profile.children(category.slug):
            continue  # a parent (gioi-thieu, cong-khai …) is judged through its sub-categories
        start = required_from(ctx, category.rules.get("presence_from"))
        if start and ctx.as_of < start:
            continue
        needed = category.rules.get("min_items", 1)
        found = sum(item.record_type == category.record_type for item in ctx.in_category(category.slug))
        if found < needed:
            params = {"category": category.name, "slug": category.slug, "found": found, "needed": needed}
            yield Hit(f"{category.slug}/", Problem("missing-category", params), category.slug, on=start or ctx.since)


def required_from(ctx: CheckContext, rule: dict | None) -> dt.date | None:
    """The first day a category is required, for a commune established on ``ctx.since``."""
    if not rule or ctx.since is None:
        return None
    year_end = dt.date(ctx.since.year + rule["years"], 12, 31)
    return ctx.calendar.add_working_days(year_end, rule.get("working_days", 0))
