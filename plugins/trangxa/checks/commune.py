"""One commune read once and checked against the law as of a date: its findings, the state of each category, its
score. ``invoke check``, ``invoke build`` and ``invoke report`` all go through :func:`read_and_check`; checking
the same items as of another date, or for another period (a quarter's report), is :meth:`CommuneCheck.at`, which
reads nothing again.

What a page owes is judged over a period: by default the quarter of the check date, up to that date (the status
page, ``invoke check``); a quarter's report passes its own. Only what was posted by the check date exists: the file
findings of a record posted later are left out too (a report is reproducible from the content and the date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from trangxa.checks import run_checks, visible
from trangxa.checks.periods import quarter_containing, quarter_start
from trangxa.checks.status import CategoryStatus, counted, score, statuses
from trangxa.checks.waivers import apply
from trangxa.config.commune import IDENTITY_FILE, Commune, load_commune
from trangxa.config.province import Province
from trangxa.law.findings import Finding, Problem, place
from trangxa.read.cache import ItemCache
from trangxa.read.items import Item, Reading, read_commune
from trangxa.read.names import shown
from trangxa.read.plausible import future_postings


@dataclass(frozen=True)
class CommuneCheck:
    slug: str
    commune: Commune | None  # None: no usable commune.yml — the commune cannot be built (its findings say why)
    as_of: dt.date
    reading: Reading | None = None
    read_findings: tuple[Finding, ...] = ()  # commune.yml and every file, whatever the date
    rule_findings: tuple[Finding, ...] = ()  # the law as of ``as_of``
    statuses: tuple[CategoryStatus, ...] = ()
    score: int = 0
    period: tuple[dt.date, dt.date] | None = None  # the days the states and the score cover
    findings: tuple[Finding, ...] = ()  # what a reader is told as of ``as_of``: waivers applied

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
    def counted(self) -> list[Finding]:
        """The findings that cost the commune something in its period (see ``status.counted``)."""
        return counted(self.findings, *self.period) if self.period else list(self.findings)

    def at(self, province: Province, as_of: dt.date, period: tuple[dt.date, dt.date] | None = None) -> CommuneCheck:
        """The same items checked as of another date, for ``period`` (default: the quarter of ``as_of`` so far)."""
        period = period or current_period(as_of)
        if self.commune is None:
            return replace(self, as_of=as_of, period=period, findings=tuple(self.read_findings))
        items = list(self.items)
        rules = check_items(province, self.slug, items, as_of, self.commune.obligations_since)
        shown = apply(_existing(self.read_findings, items, as_of) + rules, province.waivers, as_of)
        found = statuses(province.profile, list(visible(items, as_of)), counted(shown, *period))
        return replace(self, as_of=as_of, rule_findings=tuple(rules), statuses=tuple(found), period=period,
                       score=score(found, counted(shown, *period)), findings=tuple(shown))


def current_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The quarter of ``as_of``, up to ``as_of``: what a status page and ``invoke check`` judge."""
    return quarter_start(*quarter_containing(as_of)), as_of


def _existing(read: tuple[Finding, ...], items: list[Item], as_of: dt.date) -> list[Finding]:
    """File findings of the records that existed on ``as_of`` (and of every file that is no record)."""
    later = {f"{item.rel}" for item in items if item.posted and item.posted > as_of}
    return [f for f in read if f.file.partition("/")[2] not in later or f.rule == "future-date"]  # that one is
    # about the posting date itself: a record dated after today has to be told so, whatever the day checked


def read_and_check(folder: Path, province: Province, as_of: dt.date,
                   progress: Callable[[str], None] | None = None, cache: ItemCache | None = None) -> CommuneCheck:
    """Read one commune's folder (each file once) and check it as of ``as_of``; ``progress`` and ``cache`` as in
    :func:`~trangxa.read.items.read_commune`."""
    slug = shown(folder.name)  # a refused name is printed, never its control characters
    commune, problems = load_commune(folder, province.profile)
    identity = tuple(place(problem, slug, f"{slug}/" if problem.rule in FOLDER_RULES else f"{slug}/{IDENTITY_FILE}")
                     for problem in problems)
    if commune is None:
        return CommuneCheck(slug, None, as_of, read_findings=identity, findings=identity,
                            period=current_period(as_of))
    reading = read_commune(folder, province.profile, progress, cache, own=(commune.phone,))
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
        found.append(place(problem, slug, f"{slug}/{rel}", category.basis_text if category else "",
                           category.slug if category else ""))
    for item in reading.items:
        category = profile.category(item.category)  # a translation's errors are reported, not held against the
        found += [place(problem, slug, f"{slug}/{item.rel}", category.basis_text, "" if item.lang else item.category)
                  for problem in item.problems]  # Vietnamese category's state (they still cost their points)
    return found


def check_items(province: Province, slug: str, items: list[Item], as_of: dt.date,
                since: dt.date | None = None) -> list[Finding]:
    """The rules over items already read; findings are placed in the commune's files with their legal basis."""
    profile = province.profile
    hits = run_checks(profile, items, as_of, province.calendar, since)
    return [place(hit.problem, slug, f"{slug}/{hit.rel}", profile.category(hit.category).basis_text, hit.category,
                  hit.on.isoformat() if hit.on else "") for hit in hits]


def failed(slug: str, as_of: dt.date, problem: Problem, file: str | None = None) -> CommuneCheck:
    """A commune whose reading or checking could not finish (its process crashed or ran out of time)."""
    finding = place(problem, slug, file or f"{slug}/")
    return CommuneCheck(slug, None, as_of, read_findings=(finding,), findings=(finding,), period=current_period(as_of))


def page_findings(reading: Reading, folder: str) -> list[Finding]:
    """What was wrong in a folder of pages of ``content/`` (read once for every site), for the province."""
    found = [place(problem, "tinh", f"{folder}/{rel}") for rel, problem in reading.problems]
    return found + [place(problem, "tinh", f"{folder}/{Path(item.rel).name}") for item in reading.items
                    for problem in item.problems]
