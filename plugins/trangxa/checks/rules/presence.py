"""``missing-category``: each category the law requires (``required: always``) has at least ``min_items``
items, counting those of its sub-categories (the introduction items of NĐ 224 Điều 9.1.c among them)."""

from .. import CheckContext, Hit
from ...findings import Problem


def check(ctx: CheckContext):
    for category in ctx.profile.categories:
        if category.required != "always":
            continue
        needed = int(category.rules.get("min_items", 1))
        found = len(ctx.in_category(category.slug, below=True))
        if found < needed:
            params = {"category": category.name, "slug": category.slug, "found": found, "needed": needed}
            yield Hit(f"{category.slug}/", Problem("missing-category", params), category.slug)
