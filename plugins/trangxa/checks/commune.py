"""A commune checked against the law as of a date: its findings, the state of each category, its score.

Used by ``invoke check`` (reading the files without Pelican) and inside the site build (on the items Pelican
read), so both report the same findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from trangxa.checks import run_checks, visible
from trangxa.checks.status import CategoryStatus, score, statuses
from trangxa.config.province import Province
from trangxa.config.commune import load_commune
from trangxa.law.findings import Finding, place
from trangxa.read.items import Item, read_commune


@dataclass(frozen=True)
class CommuneCheck:
    slug: str
    name: str
    type: str
    findings: tuple[Finding, ...]
    statuses: tuple[CategoryStatus, ...]
    score: int
    items: tuple[Item, ...] = ()


def check_items(province: Province, slug: str, items: list[Item], as_of: dt.date) -> tuple[list[Finding], list[CategoryStatus], int]:
    """The rules over items already read; findings are placed in the commune's files with their legal basis."""
    profile = province.profile
    hits = run_checks(profile, items, as_of, province.calendar)
    findings = [place(hit.problem, slug, f"{slug}/{hit.rel}", profile.category(hit.category).basis_text) for hit in hits]
    found = statuses(profile, list(visible(items, as_of)), hits)
    return findings, found, score(found)


def check_commune(folder: Path, province: Province, as_of: dt.date) -> CommuneCheck:
    """Read one commune's folder and check it: what ``invoke check`` does for each commune."""
    slug = folder.name
    commune, problems = load_commune(folder, province.profile)
    findings = [place(problem, slug, f"{slug}/commune.yml") for problem in problems]
    if commune is None:
        return CommuneCheck(slug, slug, "", tuple(findings), (), 0)
    items, reading = read_commune(folder, province.profile)
    for rel, problem in reading:
        category = province.profile.category_for(str(Path(rel).parent))
        findings.append(place(problem, slug, f"{slug}/{rel}", category.basis_text if category else ""))
    for item in items:
        basis = province.profile.category(item.category).basis_text
        findings += [place(problem, slug, f"{slug}/{item.rel}", basis) for problem in item.problems]
    rule_findings, found, points = check_items(province, slug, items, as_of)
    return CommuneCheck(slug, commune.name, commune.type, tuple(findings + rule_findings), tuple(found), points,
                        tuple(items))


def quarter_part(province: Province, commune, items: list[Item], quarter) -> dict:
    """This commune's part of the quarter's report, checked as of the quarter's last day, as plain data (it
    travels in the commune's summary to the provincial index)."""
    from trangxa.aggregate.report import commune_part, part_to_data

    findings, found, points = check_items(province, commune.slug, items, quarter.end)
    checked = CommuneCheck(commune.slug, commune.name, commune.type, tuple(findings), tuple(found), points,
                           tuple(items))
    return {"quarter": quarter.code, **part_to_data(commune_part(province.profile, checked, quarter))}
