""""Không phát sinh" declarations: which categories a declaration covers and for which quarters. A declaration sits
in the folder of one category; it covers that one, those it lists (``cac_chuyen_muc``), and those of the clauses of
Điều 11 it cites (``dieu_khoan``: "khoản 10 Điều 11") when a clause names exactly one category of the profile.
Its period is its ``khong_phat_sinh`` value, else read from its title ("… không phát sinh trong quý III/2026")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trangxa.checks.periods import quarter_label, quarters_covered
from trangxa.law.profile import Profile
from trangxa.read.items import Item

CLAUSE = re.compile(r"kho[aả]n\s*(\d+)", re.IGNORECASE)
ARTICLE_11 = re.compile(r"Điều 11\.(\d+)")
CLAUSE_FIELD = "dieu_khoan"


@dataclass(frozen=True)
class Declaration:
    item: Item
    categories: tuple[str, ...]  # the category slugs it covers
    quarters: tuple[tuple[int, int], ...]  # the (year, quarter)s it covers; () when its period cannot be read
    unknown: tuple[str, ...] = ()  # category slugs it lists that the profile does not have

    @property
    def period(self) -> str:
        return ", ".join(quarter_label(y, q) for y, q in self.quarters)


def declarations(profile: Profile, items) -> list[Declaration]:
    rule = profile.not_arising
    if rule is None:
        return []
    return [_declaration(profile, item, rule.marker) for item in items if item.record_type == rule.record_type]


def _declaration(profile: Profile, item: Item, marker: str) -> Declaration:
    record_type = profile.record_types[item.record_type]
    listed = [slug.strip("/ ") for slug in item.values.get("cac_chuyen_muc", ())]
    known = [slug for slug in listed if profile.category(slug)]
    clauses = _clauses(profile, str(item.values.get(CLAUSE_FIELD, "")))
    period = item.values.get(marker) or item.values.get(record_type.title_field, "")
    categories = tuple(dict.fromkeys([item.category, *known, *clauses]))
    return Declaration(item, categories, quarters_covered(str(period)), tuple(s for s in listed if s not in known))


def _clauses(profile: Profile, text: str) -> list[str]:
    """Categories named by the clauses of Điều 11 a declaration cites, when a clause is one category's alone."""
    by_clause: dict[str, list[str]] = {}
    for category in profile.categories:
        if "not_arising" in category.rules:
            for basis in category.basis:
                for number in ARTICLE_11.findall(basis):
                    by_clause.setdefault(number, []).append(category.slug)
    return [by_clause[n][0] for n in CLAUSE.findall(text) if len(by_clause.get(n, [])) == 1]


def covered(profile: Profile, items) -> dict[str, set[tuple[int, int]]]:
    """Category slug → the quarters it is declared not to have arisen in."""
    found: dict[str, set[tuple[int, int]]] = {}
    for declaration in declarations(profile, items):
        for slug in declaration.categories:
            found.setdefault(slug, set()).update(declaration.quarters)
    return found
