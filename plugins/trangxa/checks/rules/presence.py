"""``missing-category``: each category the law requires (``required: always``) has at least ``min_items``
items (the introduction items of NĐ 224 Điều 9.1.c among them). A category with sub-categories is judged
through them. Only records of the category's own type count: an introduction (index.md) above a list of
disclosures is not a disclosure."""

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    for category in ctx.profile.categories:
        if category.required != "always" or ctx.profile.children(category.slug):
            continue  # a parent (gioi-thieu, cong-khai …) is judged through its sub-categories
        needed = category.rules.get("min_items", 1)
        found = sum(item.record_type == category.record_type for item in ctx.in_category(category.slug))
        if found < needed:
            params = {"category": category.name, "slug": category.slug, "found": found, "needed": needed}
            yield Hit(f"{category.slug}/", Problem("missing-category", params), category.slug)
