"""``reference-missing``: a record names another (a document it replaces, a news item's documents) that the
commune's page does not have — the link can only be shown as text. ``replaced-still-in-force``: a document that
another one replaces still says it is in force. Rule data: ``replaced_status: {by, field, in_force}``."""

from trangxa.checks import CheckContext

from trangxa.checks import Hit
from trangxa.law.findings import Problem
from trangxa.checks.references import references


def check(ctx: CheckContext):
    found = references(ctx.profile, list(ctx.items))
    for ref in found:
        if ref.target is None:
            params = {"field": ref.field.key, "value": ref.text}
            yield Hit(ref.source.rel, Problem("reference-missing", params, ref.source.lines.get(ref.field.key)),
                      ref.source.category)
    for category, rule in ctx.with_rule("replaced_status"):
        for ref in found:
            target = ref.target
            if ref.field.key != rule["by"] or target is None or target.category != category.slug:
                continue
            status = target.values.get(rule["field"], "")
            if status in rule["in_force"]:
                params = {"value": ref.text, "by": ref.source.values.get(ref.field.refers, ""), "status": status}
                problem = Problem("replaced-still-in-force", params, target.lines.get(rule["field"]))
                yield Hit(target.rel, problem, category.slug)
