"""``leader-post-vacant``: a post whose every holder's term has ended (``den_ngay`` passed) and no successor is
on the page — the page shows nobody current in that post. Rule data: ``term_ended_not_current: {post: the fields
that name a post, holder: the holder's name field, end: the field of the term's end}``."""

import datetime as dt

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem
from trangxa.text import new_style_tones


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("term_ended_not_current"):
        end = rule["end"]
        posts: dict[tuple[str, ...], list] = {}
        for item in ctx.in_category(category.slug):
            key = tuple(new_style_tones(str(item.values.get(name, ""))).casefold() for name in rule["post"])
            posts.setdefault(key, []).append(item)
        for holders in posts.values():
            ends = [item.values.get(end) for item in holders]
            if all(isinstance(day, dt.date) and day < ctx.as_of for day in ends):  # a term ending today still holds
                last = max(holders, key=lambda item: item.values[end])
                params = {"name": last.values.get(rule["holder"], ""), "post": last.values.get(rule["post"][-1], ""),
                          "end": last.values[end].strftime("%d/%m/%Y")}
                yield Hit(last.rel, Problem("leader-post-vacant", params, last.lines.get(end)), category.slug)
