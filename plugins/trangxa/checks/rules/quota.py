"""``news-quota``: a province's own quota, e.g. "at least 4 news items a month", checked on the last full month
before ``as_of``. Rule data: ``quota_per_month: N`` (0 switches it off; provinces set it in ``bo_sung``)."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit

from trangxa.checks import published_on
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category, quota in ctx.with_rule("quota_per_month"):
        if quota <= 0:
            continue
        last_day = ctx.as_of.replace(day=1) - dt.timedelta(days=1)
        first_day = last_day.replace(day=1)
        count = sum(1 for item in ctx.in_category(category.slug) if first_day <= (published_on(item) or dt.date.min) <= last_day)
        if count < quota:
            params = {"count": count, "quota": quota, "month": last_day.strftime("%m/%Y"), "category": category.name}
            yield Hit(f"{category.slug}/", Problem("news-quota", params), category.slug)
