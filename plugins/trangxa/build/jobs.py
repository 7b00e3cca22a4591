"""What one Pelican run is given, and what it gives back.

Everything is read and checked before Pelican starts; a run gets one read-only job under the settings key
``TRANGXA`` and only renders it. What rendering itself finds (a picture Pillow cannot decode, a search index that
could not be written) and how much it wrote come back as a :class:`RenderResult`, written by the run to the file
the job names — plain data, so it crosses the process a commune is built in.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from trangxa.aggregate.report import QuarterReport
from trangxa.checks.commune import CommuneCheck
from trangxa.config.commune import Commune
from trangxa.config.province import Province
from trangxa.law.findings import Finding, Problem, place
from trangxa.read.items import Item

SETTINGS_KEY = "TRANGXA"


@dataclass(frozen=True)
class CommuneJob:
    """One commune's site: its items, read and checked as of the build day, and what every site shares."""

    province: Province
    checked: CommuneCheck
    quarter_part: dict  # its part of the last closed quarter's report, checked as of that quarter's end
    shared: tuple[Item, ...]  # the pages every site carries (content/chung), at trang/<slug>/
    shared_source: Path  # their folder
    source: Path  # the commune's folder: attachments and pictures are published from it
    cache: Path  # processed pictures, compiled templates
    result: Path  # where the run writes its RenderResult

    @property
    def commune(self) -> Commune:
        return self.checked.commune

    @property
    def as_of(self) -> dt.date:
        return self.checked.as_of


@dataclass(frozen=True)
class IndexJob:
    """The provincial index over every commune's summary (built, kept or failed)."""

    province: Province
    as_of: dt.date
    summaries: tuple[dict, ...]
    pages: tuple[Item, ...]  # the index's own pages (content/tinh)
    pages_source: Path  # their folder: the pictures beside them
    report: QuarterReport | None
    cache: Path
    result: Path
    year_report: object = None  # a YearReport to write beside the quarter's (invoke report --year)

    commune = None  # templates and plugins tell the index from a commune by this


@dataclass
class RenderResult:
    """What a run wrote and what it found while writing (collected here, returned as data)."""

    site: str  # the commune's slug, or "tinh"
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    images: dict = field(default_factory=dict)  # the image pipeline's counts: made, reused, bytes in and out
    search_indexed: int = 0

    def report(self, file: str, problem: Problem, basis: str = "") -> None:
        self.findings.append(place(problem, self.site, file, basis))

    def save(self, path: Path) -> None:
        data = asdict(self)
        path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> RenderResult:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["findings"] = [Finding(**finding) for finding in data["findings"]]
        return cls(**data)
