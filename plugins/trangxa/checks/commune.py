"""One commune read once and checked against the law as of a date: its findings, the state of each category, its
score. ``invoke check``, ``invoke build`` and ``invoke report`` all go through :func:`read_and_check`; checking
the same items as of another date (the quarter's end, beside the build day) is :meth:`CommuneCheck.at`, which
reads nothing again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from trangxa.checks import run_checks, visible
from trangxa.checks.status import CategoryStatus, score, statuses
from trangxa.config.commune import IDENTITY_FILE, Commune, load_commune
from trangxa.config.province import Province
from trangxa.law.findings import Finding, Problem, place
from trangxa.read.items import Item, Reading, read_commune
from trangxa.read.names import shown
from trangxa.read.plausible import future_postings


@dataclass(frozen=True)
class CommuneCheck:
    slug: str
    commune: Commune | None  # None: no usable commune.yml — the commune cannot be built (its findings say why)
    as_of: dt.date
    reading: Reading | None = None
    read_findings: tuple[Finding, ...] = ()  # commune.yml and every file: the same on any date
    rule_findings: tuple[Finding, ...] = ()  # the law as of ``as_of``
    statuses: tuple[CategoryStatus, ...] = ()
    score: int = 0

    @property
    def name(self) -> str:
        return self.commune.name if self.commune else self.slug

    @property
    def type(self) -> str:
        return self.commune.type if self.commune else ""

    @property
    def items(self) -> tuple[Item, ...]:
        return self.reading.items if self.reading else ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.read_findings + self.rule_findings

    def at(self, province: Province, as_of: dt.date) -> CommuneCheck:
        """The same items checked as of another date."""
        if self.commune is None:
            return replace(self, as_of=as_of)
        rules, found, points = check_items(province, self.slug, list(self.items), as_of)
        return replace(self, as_of=as_of, rule_findings=tuple(rules), statuses=tuple(found), score=points)


def read_and_check(folder: Path, province: Province, as_of: dt.date,
                   progress: Callable[[str], None] | None = None) -> CommuneCheck:
    """Read one commune's folder (each file once) and check it as of ``as_of``; ``progress`` as in
    :func:`~trangxa.read.items.read_commune`."""
    slug = shown(folder.name)  # a refused name is printed, never its control characters
    commune, problems = load_commune(folder, province.profile)
    identity = tuple(place(problem, slug, f"{slug}/" if problem.rule in FOLDER_RULES else f"{slug}/{IDENTITY_FILE}")
                     for problem in problems)
    if commune is None:
        return CommuneCheck(slug, None, as_of, read_findings=identity)
    reading = read_commune(folder, province.profile, progress, own=(commune.phone,))
    dated = future_postings(reading.items, province.profile, as_of)
    reading = replace(reading, problems=reading.problems + tuple(dated))
    checked = CommuneCheck(slug, commune, as_of, reading, identity + tuple(reading_findings(province, slug, reading)))
    return checked.at(province, as_of)


FOLDER_RULES = ("commune-slug-invalid", "commune-slug-reserved", "commune-folder-link")  # about the folder itself


def reading_findings(province: Province, slug: str, reading: Reading) -> list[Finding]:
    """Every problem met while reading, placed in its file with the legal basis of its category."""
    profile = province.profile
    found = []
    for rel, problem in reading.problems:
        category = profile.category_for(str(Path(rel).parent))
        found.append(place(problem, slug, f"{slug}/{rel}", category.basis_text if category else ""))
    for item in reading.items:
        basis = profile.category(item.category).basis_text
        found += [place(problem, slug, f"{slug}/{item.rel}", basis) for problem in item.problems]
    return found


def check_items(province: Province, slug: str, items: list[Item], as_of: dt.date) -> tuple[list[Finding], list[CategoryStatus], int]:
    """The rules over items already read; findings are placed in the commune's files with their legal basis."""
    profile = province.profile
    hits = run_checks(profile, items, as_of, province.calendar)
    findings = [place(hit.problem, slug, f"{slug}/{hit.rel}", profile.category(hit.category).basis_text) for hit in hits]
    found = statuses(profile, list(visible(items, as_of)), hits)
    return findings, found, score(found)


def failed(slug: str, as_of: dt.date, problem: Problem, file: str | None = None) -> CommuneCheck:
    """A commune whose reading or checking could not finish (its process crashed or ran out of time)."""
    return CommuneCheck(slug, None, as_of, read_findings=(place(problem, slug, file or f"{slug}/"),))


def page_findings(reading: Reading, folder: str) -> list[Finding]:
    """What was wrong in a folder of pages of ``content/`` (read once for every site), for the province."""
    found = [place(problem, "tinh", f"{folder}/{rel}") for rel, problem in reading.problems]
    return found + [place(problem, "tinh", f"{folder}/{Path(item.rel).name}") for item in reading.items
                    for problem in item.problems]
