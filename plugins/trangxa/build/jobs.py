"""The state of one site's build (a commune, or the provincial index), carried in its Pelican settings.

Per-run state lives here, never in module globals: communes build in parallel and several in one process.
The orchestrator (``build``) creates a run, Pelican's generators fill it, the orchestrator reads it back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from trangxa.config.commune import Commune
from trangxa.config.province import Province
from trangxa.law.findings import Finding, Problem, place


@dataclass
class SiteRun:
    province: Province
    commune: Commune | None  # None when the run builds the provincial index
    today: dt.date
    findings: list[Finding] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    pages_written: int = 0
    pictures: dict = field(default_factory=dict)  # rel → trangxa_media.images.Picture, once processed
    published: set = field(default_factory=set)  # rel of every file published beside the pages
    images: dict = field(default_factory=dict)  # the image pipeline's counts: made, reused, bytes in and out
    search_pages: list = field(default_factory=list)  # trangxa_search.records.SearchPage of every page to index
    search_indexed: int = 0

    @property
    def name(self) -> str:
        return self.commune.slug if self.commune else "tinh"

    def report(self, file: str, problem: Problem, basis: str = "") -> None:
        """Record a problem found in ``file`` (a path relative to the communes folder) as a finding."""
        self.findings.append(place(problem, self.name, file, basis))
