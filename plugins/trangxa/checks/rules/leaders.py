"""Leaders (lãnh đạo): who holds each post now and who held it before (NĐ 224/2026 Điều 9.1.c; LAW.md: nobody
whose term ended is shown as current, and a former holder stays on the page, often titled "Nguyên …").

A post is named by the fields ``post`` (cơ quan, chức vụ), its title read the way people write it: "Nguyên" (former)
left out, abbreviations written out (``abbreviations``: UBND → Ủy ban nhân dân), tone-mark style and case ignored —
"Nguyên Phó Chủ tịch UBND xã" is the post "Phó Chủ tịch Ủy ban nhân dân xã". A holder is former when the end of
their term (``end``) has passed, their title starts with a ``former`` word, or ``current`` says "Không".

``leader-post-vacant`` — a post with former holders and nobody current, unless the last holder's record says the
post is vacant (``vacant``: "Có"). ``leader-still-current`` — a post one person holds at a time (its title starts with
one of ``single``) shown with two current holders: the one who took office first is shown as current although the
other succeeded them. Rule data: ``term_ended_not_current: {post, holder, start, end, current, vacant, former,
single, abbreviations}``."""

from __future__ import annotations

import datetime as dt
import re

from trangxa.checks import CheckContext, Hit
from trangxa.law.findings import Problem
from trangxa.read.items import Item
from trangxa.text import fold, same_name

NO = "Không"


def post_title(title: str, rule: dict) -> str:
    """A title as written, without its "former" word (what a listing of former holders shows)."""
    for word in rule.get("former", ()):
        if fold(title).startswith(fold(word) + " "):
            return title.strip()[len(word):].strip()
    return title.strip()


def post_key(item: Item, rule: dict) -> tuple[str, ...]:
    """The post an item's holder holds or held, as compared."""
    parts = []
    for name in rule["post"]:
        text = post_title(str(item.values.get(name, "")), rule)
        for short, full in rule.get("abbreviations", {}).items():
            text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
        parts.append(" ".join(fold(text).split()))
    return tuple(parts)


def is_former(item: Item, rule: dict, as_of: dt.date) -> bool:
    """Whether the page shows this holder as a former one (the leaders' page and the rule agree on this)."""
    end = item.values.get(rule["end"])
    current = rule.get("current")
    title = str(item.values.get(rule["post"][-1], ""))
    return ((isinstance(end, dt.date) and end < as_of)  # a term ending today still holds
            or bool(current and same_name(str(item.values.get(current, "")), NO))
            or any(fold(title).startswith(fold(word) + " ") for word in rule.get("former", ())))


def check(ctx: CheckContext):
    for category, rule in ctx.with_rule("term_ended_not_current"):
        posts: dict[tuple[str, ...], list[Item]] = {}
        for item in ctx.in_category(category.slug):
            if item.record_type == category.record_type:
                posts.setdefault(post_key(item, rule), []).append(item)
        for holders in posts.values():
            holders = [item for item in holders if _date(item, rule.get("start")) <= ctx.as_of]  # not in office yet
            if not holders:
                continue
            now = [item for item in holders if not is_former(item, rule, ctx.as_of)]
            if not now:
                yield from _vacant(holders, rule, category.slug)
            elif _single(holders[0], rule):
                yield from _still_current(now, rule, category.slug)


def _vacant(holders: list[Item], rule: dict, slug: str):
    end = rule["end"]
    last = max(holders, key=lambda item: (_date(item, end), _date(item, rule.get("start"))))
    vacant = rule.get("vacant")
    if vacant and same_name(str(last.values.get(vacant, "")), "Có"):
        return  # the page says the post has nobody now: nothing is missing
    day = last.values.get(end)
    params = {"name": last.values.get(rule["holder"], ""), "post": post_title(str(last.values.get(rule["post"][-1], "")), rule),
              "end": day.strftime("%d/%m/%Y") if isinstance(day, dt.date) else "(chưa ghi ngày)"}
    yield Hit(last.rel, Problem("leader-post-vacant", params, last.lines.get(end) or last.lines.get(rule["post"][-1])),
              slug, on=day if isinstance(day, dt.date) else None)


def _still_current(now: list[Item], rule: dict, slug: str):
    start = rule.get("start")
    ordered = sorted(now, key=lambda item: _date(item, start))
    latest = ordered[-1]
    since = latest.values.get(start) if start else None
    if not isinstance(since, dt.date):
        return  # without start dates nobody can tell who succeeded whom
    for item in ordered[:-1]:
        if _date(item, start) < since:
            params = {"name": item.values.get(rule["holder"], ""), "post": item.values.get(rule["post"][-1], ""),
                      "successor": latest.values.get(rule["holder"], ""), "since": since.strftime("%d/%m/%Y"),
                      "successor_file": latest.rel.rpartition("/")[2]}
            yield Hit(item.rel, Problem("leader-still-current", params, item.lines.get(rule["post"][-1])), slug, on=since)


def _single(item: Item, rule: dict) -> bool:
    title = fold(post_title(str(item.values.get(rule["post"][-1], "")), rule))
    return any(title.startswith(fold(word)) for word in rule.get("single", ()))


def _date(item: Item, key: str | None) -> dt.date:
    value = item.values.get(key) if key else None
    return value if isinstance(value, dt.date) else dt.date.min
