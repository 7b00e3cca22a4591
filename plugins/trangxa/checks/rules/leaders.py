"""``leader-post-vacant``: a post whose every holder's term has ended (``den_ngay`` passed) and no successor is
on the page — the page shows nobody current in that post. Rule data: ``term_ended_not_current: true``."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem
from trangxa.text import new_style_tones


def check(ctx: CheckContext):
    for category, _ in ctx.with_rule("term_ended_not_current"):
        posts: dict[tuple[str, str], list] = {}
        for item in ctx.in_category(category.slug):
            key = (item.values.get("co_quan", ""), new_style_tones(item.values.get("chuc_vu", "")).casefold())
            posts.setdefault(key, []).append(item)
        for holders in posts.values():
            ends = [item.values.get("den_ngay") for item in holders]
            if all(isinstance(end, dt.date) and end < ctx.as_of for end in ends):  # a term ending today still holds
                last = max(holders, key=lambda item: item.values["den_ngay"])
                params = {"name": last.values.get("ho_ten", ""), "post": last.values.get("chuc_vu", ""),
                          "end": last.values["den_ngay"].strftime("%d/%m/%Y")}
                yield Hit(last.rel, Problem("leader-post-vacant", params, last.lines.get("den_ngay")), category.slug)
