"""Building the communes: each read and checked once, rendered by Pelican, in a process of its own (``workers``).

A commune that cannot be built — its commune.yml unusable, Pelican failing, its process crashing or running out
of time — is never half-published: its new folder is dropped and its previous site, if it has one, stays in the
release; the provincial index then says it could not be built, and why.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from trangxa.aggregate.report import Quarter, commune_part, part_to_data
from trangxa.build.jobs import CommuneJob
from trangxa.build.release import Stage, incomplete
from trangxa.build.render import render
from trangxa.build.results import SiteResult
from trangxa.build.workers import Failure, Progress, run_each
from trangxa.checks.commune import CommuneCheck, read_and_check
from trangxa.config.province import Province
from trangxa.law.findings import Problem, place
from trangxa.options import BuildOptions
from trangxa.read.cache import ItemCache
from trangxa.read.items import Reading

FAILURES = {"crashed": "build-crashed", "timeout": "build-timeout"}


def build_communes(options: BuildOptions, province: Province, folders: list[Path], stage: Stage,
                   shared: Reading, salt: str = "") -> list[SiteResult]:
    """Every commune of ``folders`` into a new site linked into the stage; a commune not built keeps its previous
    site (and so does one whose files have errors, when publishing keeps the last good site). ``salt``: what the
    items read depend on besides their files (the profile, the code: the build's shared fingerprint) — with it,
    a file read before is not parsed again (``read.cache``)."""
    if not folders:
        return []
    import pelican  # noqa: F401 - loaded once, before the workers fork, not once in each of them

    sites = {folder.name: stage.new_site(folder.name) for folder in folders}
    jobs = min(options.jobs or os.cpu_count() or 1, len(folders))

    def work(folder: Path, progress: Progress) -> SiteResult:
        cache = ItemCache(options.cache_path() / "items" / folder.name, salt) if salt else None
        return build_commune(options, province, folder, sites[folder.name], shared, progress, cache)

    results = run_each(folders, work, _failed, jobs, options.timeout)
    return [_place(stage, result, sites[result.name], options.keep_last_good) for result in results]


def _place(stage: Stage, result: SiteResult, site: Path, keep_last_good: bool) -> SiteResult:
    """Link a site built whole. A site not built, or not whole, is dropped and the previous one kept, if any; so is
    one whose files have errors when publishing keeps the last good site — unless it has none: then it is
    published with its warnings."""
    missing = incomplete(site) if result.built else ""
    if missing:  # written, but not whole (a full disk, a file gone mid-build): never published
        finding = place(Problem("site-incomplete", {"detail": missing}), result.name, f"{result.name}/")
        result = replace(result, built=False, findings=result.findings + (finding,))
    if result.built and not (keep_last_good and result.content_errors):
        stage.link(result.name, site)
        return result
    if stage.keep(result.name):
        shutil.rmtree(site, ignore_errors=True)
        return replace(result, kept_previous=True)
    if result.built:
        stage.link(result.name, site)
    else:
        shutil.rmtree(site, ignore_errors=True)
    return result


def build_commune(options: BuildOptions, province: Province, folder: Path, site: Path, shared: Reading,
                  progress: Progress | None = None, cache: ItemCache | None = None) -> SiteResult:
    """One commune: read and checked once as of the build day (and, from the same items, as of the last closed
    quarter's end for its part of the quarterly report), then rendered into ``site``."""
    started = time.perf_counter()
    checked = read_and_check(folder, province, options.as_of, progress, cache)
    if checked.commune is None:
        return SiteResult(folder.name, False, checked.findings, 0, time.perf_counter() - started)
    if progress:
        progress("")  # reading is over: a crash from here on is not any one file's
    with tempfile.TemporaryDirectory(prefix="trangxa-render-") as scratch:
        job = CommuneJob(province, checked, quarter_part(province, checked), tuple(shared.items),
                         options.content_dir / "chung", folder, options.cache_path(), Path(scratch, "result.json"))
        built, rendered = render(options, job, site, province.commune_url(checked.commune), checked.name)
    summary = _summary(site) if built else {}
    return SiteResult(folder.name, built, checked.findings + tuple(rendered.findings), rendered.pages,
                      time.perf_counter() - started, summary, images=rendered.images, unit_name=checked.name,
                      domain=(checked.commune.domain, checked.commune.domain_line) if checked.commune.domain else ())


def quarter_part(province: Province, checked: CommuneCheck) -> dict:
    """The commune's part of the last closed quarter's report, checked as of that quarter's end, as plain data
    (it travels in the commune's summary to the provincial index)."""
    quarter = Quarter.last_closed(checked.as_of)
    part = commune_part(province.profile, checked.at(province, quarter.end), quarter)
    return {"quarter": quarter.code, **part_to_data(part)}


def _summary(site: Path) -> dict:
    import json

    from trangxa.aggregate.summary import SUMMARY_FILE

    return json.loads((site / SUMMARY_FILE).read_text(encoding="utf-8"))


def _failed(folder: Path, why: Failure) -> SiteResult:
    """A commune whose process crashed or ran out of time: a finding at the file it was reading."""
    slug = folder.name
    file = f"{slug}/{why.file}" if why.file else f"{slug}/"
    finding = place(Problem(FAILURES[why.kind], {"detail": why.detail}), slug, file)
    return SiteResult(slug, False, (finding,), 0, 0.0)
