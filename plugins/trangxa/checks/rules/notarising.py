"""``not-declared``: a matter the law asks to disclose where it exists (Luật Thực hiện dân chủ ở cơ sở Điều 11:
projects, land recovery, inspections …) with nothing on the page and no "không phát sinh" declaration for the last
quarter that has ended — an evaluator cannot tell it from neglect (LAW.md, "Things that may not exist"). A warning:
the law does not require the declaration, it is how a page shows the matter did not arise. ``not-arising-unclear``: a
declaration whose period, or a category it lists, cannot be read. Rule data: ``not_arising: true`` on each category
that may be so declared."""

from __future__ import annotations

from trangxa.checks import CheckContext, Hit
from trangxa.checks.declared import covered, declarations
from trangxa.checks.periods import last_closed, quarter_end, quarter_label
from trangxa.law.findings import Problem


def check(ctx: CheckContext):
    yield from _unclear(ctx)
    year, quarter = last_closed(ctx.as_of)
    end = quarter_end(year, quarter)
    if not ctx.owed(end):
        return
    declared = covered(ctx.profile, ctx.items)
    for category, wanted in ctx.with_rule("not_arising"):
        published = any(item.record_type == category.record_type for item in ctx.in_category(category.slug))
        if wanted and not published and (year, quarter) not in declared.get(category.slug, set()):
            params = {"category": category.name, "period": quarter_label(year, quarter), "slug": category.slug}
            yield Hit(f"{category.slug}/", Problem("not-declared", params), category.slug, on=end)


def _unclear(ctx: CheckContext):
    for declaration in declarations(ctx.profile, ctx.items):
        item = declaration.item
        if not declaration.quarters:
            params = {"field": ctx.profile.not_arising.marker}
            yield Hit(item.rel, Problem("not-arising-unclear", params, 1), item.category, on=item.posted)
        for slug in declaration.unknown:
            params = {"value": slug}
            yield Hit(item.rel, Problem("not-arising-category", params, item.lines.get("cac_chuyen_muc")), item.category,
                      on=item.posted)
