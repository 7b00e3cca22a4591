"""The province build: each commune through its own Pelican run (in parallel), then the provincial index.

This is the only place that loops over communes. A commune that cannot be built is reported and the others
go on; every finding comes back as data in the :class:`BuildResult`.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from trangxa.options import ROOT, BuildError, BuildOptions

from trangxa.config.commune import discover, load_commune
from trangxa.config.province import Province, load_province
from trangxa.checks.commune import CommuneCheck, check_commune
from trangxa.law.findings import Finding, Problem, place, rule_status
from trangxa.build import fingerprint
from trangxa.build.release import Stage, bring_in, keep_previous, linked_sites, read_state, staged, write_state
from trangxa.aggregate.report import Quarter, QuarterReport, build_report
from trangxa.build.jobs import SiteRun


@dataclass(frozen=True)
class SiteResult:
    name: str
    built: bool
    findings: tuple[Finding, ...]
    pages: int
    seconds: float
    summary: dict = field(default_factory=dict)
    kept_previous: bool = False  # its files had errors: the previous site was kept
    images: dict = field(default_factory=dict)  # the image pipeline's counts (made, reused, bytes in and out)
    reused: bool = False  # nothing it is built from changed: its published site was kept as it is

    @property
    def content_errors(self) -> bool:
        """Errors in the files themselves (unreadable, invalid fields) — not gaps the law checks find."""
        return not self.built or any(f.severity == "error" and rule_status(f.rule) is None for f in self.findings)


@dataclass(frozen=True)
class BuildResult:
    communes: tuple[SiteResult, ...]
    index: SiteResult | None

    @property
    def sites(self) -> tuple[SiteResult, ...]:
        return self.communes + ((self.index,) if self.index else ())

    @property
    def findings(self) -> list[Finding]:
        return [f for site in self.sites for f in site.findings]

    @property
    def failed(self) -> list[str]:
        return [site.name for site in self.sites if not site.built]

    @property
    def pages(self) -> int:
        return sum(site.pages for site in self.sites)


def build(options: BuildOptions) -> BuildResult:
    """Build the selected communes, then the provincial index over every commune built so far; the output is
    replaced as a whole only when everything has been written (``release``). A commune whose inputs have not
    changed since its published site was built keeps that site (``fingerprint``); when nothing changed at all,
    nothing is written. A shard builds its communes only; a merge builds no commune and the index over the sites
    the shards wrote."""
    province, folders = prepare(options)
    selected = [] if options.merge_from else _select(options, folders)
    plan = Plan.make(options, selected)
    if plan.unchanged(folders, options):
        return BuildResult(tuple(plan.reused.values()), plan.index)
    partial = options.commune is not None
    with staged(options.output, {folder.name for folder in selected}, keep_others=partial) as stage:
        work = replace(options, output=stage.path, cache_dir=options.cache_path())
        bring_in(stage, list(options.merge_from))
        kept = [result for slug, result in plan.reused.items() if stage.keep(slug)]
        todo = [folder for folder in selected if folder.name not in {result.name for result in kept}]
        built = [_keep_if_broken(stage, result) if options.keep_last_good else result
                 for result in _map(work, province, todo, stage)]
        results = sorted(kept + built, key=lambda result: result.name)
        index = None if options.shard else _index(work, province, folders)
        links = linked_sites(stage.path)
    plan.save(options, results, index, links)
    return BuildResult(tuple(results), index)


@dataclass
class Plan:
    """Which communes keep their published site, from the fingerprints of the last build (``release.STATE``)."""

    state: dict
    common: str  # the fingerprint of what every site shares
    stamps: dict[str, str]  # slug → the fingerprint of the commune's inputs now
    reused: dict[str, SiteResult]  # slug → the result its published site was built with
    index: SiteResult | None = None

    @classmethod
    def make(cls, options: BuildOptions, selected: list[Path]) -> Plan:
        state = read_state(options.output)
        common = fingerprint.shared(
            [ROOT / "plugins", ROOT / "themes", ROOT / "profiles", ROOT / "requirements.txt", ROOT / "pelicanconf.py",
             ROOT / "package-lock.json", options.settings_file, options.province_path(), options.content_dir / "chung"],
            {"packages": fingerprint.packages(), "today": options.today, "relative_urls": options.relative_urls, "keep": options.keep_last_good,
             "settings": options.settings_file, "output": options.output.absolute()})
        stamps = {folder.name: fingerprint.digest(common, fingerprint.tree(folder)) for folder in selected}
        published = linked_sites(options.output) if options.output.is_dir() else {}
        reused = {}
        for slug, stamp in stamps.items():
            known = state.get("communes", {}).get(slug, {})
            if known.get("fingerprint") == stamp and published.get(slug) == known.get("site"):
                reused[slug] = site_result_from(known["result"])
        return cls(state, common, stamps, reused)

    def index_stamp(self, options: BuildOptions, links: dict[str, str]) -> str:
        return fingerprint.digest(self.common, fingerprint.tree(options.content_dir / "tinh"), sorted(links.items()))

    def unchanged(self, folders: list[Path], options: BuildOptions) -> bool:
        """True when every selected commune keeps its site and the index would be what is published."""
        if options.merge_from or len(self.reused) < len(self.stamps):
            return False
        if options.shard:
            return True
        links = linked_sites(options.output)
        known = self.state.get("index", {})
        if set(links) != {folder.name for folder in folders} or known.get("fingerprint") != self.index_stamp(options, links):
            return False
        self.index = site_result_from(known["result"])
        return True

    def save(self, options: BuildOptions, results: list[SiteResult], index: SiteResult | None,
             links: dict[str, str]) -> None:
        communes = dict(self.state.get("communes", {})) if options.commune or options.shard else {}
        known = self.state.get("communes", {})
        for result in results:
            if result.reused:  # as it was recorded (converting a result back costs ~2 ms a commune)
                communes[result.name] = known[result.name]
            elif result.name in links and result.name in self.stamps and reusable(result):
                communes[result.name] = {"fingerprint": self.stamps[result.name], "site": links[result.name],
                                         "result": site_result_data(result)}
        state = {"communes": communes}
        if index is not None and index.built:
            state["index"] = {"fingerprint": self.index_stamp(options, links), "result": site_result_data(index)}
        write_state(options.output, state)


RETRY = frozenset({"build-failed", "search-failed"})  # what a fix outside the commune's files may mend


def reusable(result: SiteResult) -> bool:
    """A site is reused only if it was built whole: a failed build or search is tried again on the next run."""
    return result.built and not any(finding.rule in RETRY for finding in result.findings)


def site_result_data(result: SiteResult) -> dict:
    data = asdict(result)
    data["findings"] = [finding.as_dict() for finding in result.findings]
    return data


def site_result_from(data: dict) -> SiteResult:
    findings = tuple(Finding(**finding) for finding in data["findings"])
    return SiteResult(**{**data, "findings": findings, "seconds": 0.0, "reused": True})


def _keep_if_broken(stage: Stage, result: SiteResult) -> SiteResult:
    if result.content_errors and keep_previous(stage, result.name):
        return replace(result, kept_previous=True)
    return result


def _index(options: BuildOptions, province: Province, folders: list[Path]) -> SiteResult:
    """The provincial index over every commune's summary; the last closed quarter's report is assembled from the
    parts each commune's build computed (no commune is read again)."""
    return build_index(options, province, [folder.name for folder in folders])


def quarterly(province: Province, folders: list[Path], quarter: Quarter, as_of: dt.date) -> QuarterReport:
    """The quarter's report over every commune, checked as of ``as_of`` (by default the quarter's last day)."""
    checked = [check_commune(folder, province, as_of) for folder in folders]
    return build_report(province.profile, [c for c in checked if c.type], quarter, as_of)


def report(options: BuildOptions, quarter: Quarter, as_of: dt.date | None = None) -> QuarterReport:
    """``invoke report``: the report of one quarter, written with the provincial index into <output>/bao-cao/."""
    province, folders = prepare(options)
    result = quarterly(province, folders, quarter, as_of or quarter.end)
    with staged(options.output, rebuild=set()) as stage:
        build_index(replace(options, output=stage.path), province, [folder.name for folder in folders], result)
    return result


def check(options: BuildOptions, as_of: dt.date) -> list[CommuneCheck]:
    """Check the selected communes against the law as of a date, without building them."""
    province, folders = prepare(options)
    return [check_commune(folder, province, as_of) for folder in _select(options, folders)]


def _select(options: BuildOptions, folders: list[Path]) -> list[Path]:
    selected = [folder for folder in folders if options.commune in (None, folder.name)]
    if options.shard:
        number, count = options.shard
        selected = [folder for index, folder in enumerate(selected) if index % count == number - 1]
    if options.commune and not selected:
        raise BuildError(f"Không có xã '{options.commune}' trong {options.communes_dir}.")
    return selected


def prepare(options: BuildOptions) -> tuple[Province, list[Path]]:
    if not options.communes_dir.is_dir():
        raise BuildError(f"Không có thư mục các xã: {options.communes_dir}")
    return load_province(options.province_path()), discover(options.communes_dir)


def _map(options: BuildOptions, province: Province, folders: list[Path], stage: Stage) -> list[SiteResult]:
    """Build the communes, one process per core, each into a new site that is then linked into the stage."""
    jobs = min(options.jobs or os.cpu_count() or 1, len(folders)) or 1
    import pelican  # noqa: F401 - loaded once, before the workers fork, not once in each of them

    sites = {folder.name: stage.new_site(folder.name) for folder in folders}
    tasks = [(options, province, folder, sites[folder.name]) for folder in folders]
    if jobs == 1:
        results = [_build_commune_task(task) for task in tasks]
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = list(pool.imap_unordered(_build_commune_task, tasks))
    for result in results:
        if sites[result.name].is_dir():
            stage.link(result.name, sites[result.name])
    return results


def _build_commune_task(task: tuple[BuildOptions, Province, Path, Path]) -> SiteResult:
    return build_commune(*task)


def build_commune(options: BuildOptions, province: Province, folder: Path, site: Path | None = None) -> SiteResult:
    """One commune's site into ``site`` (by default ``<output>/<slug>/``); any failure is a finding, never a
    crash of the build."""
    started = time.perf_counter()
    commune, problems = load_commune(folder, province.profile)
    run = SiteRun(province, commune, options.today)
    for problem in problems:
        run.findings.append(place(problem, folder.name, f"{folder.name}/commune.yml"))
    if commune is None:
        return SiteResult(folder.name, False, tuple(run.findings), 0, time.perf_counter() - started)
    settings = site_settings(options, run, folder, site or options.output / folder.name, province.commune_url(commune),
                             commune.name, shared=options.content_dir / "chung")
    built = _run_pelican(settings, run)
    return SiteResult(folder.name, built, tuple(run.findings), run.pages_written,
                      time.perf_counter() - started, run.summary, images=run.images)


def build_index(options: BuildOptions, province: Province, slugs: list[str],
                report: QuarterReport | None = None) -> SiteResult:
    started = time.perf_counter()
    run = SiteRun(province, None, options.today)
    settings = site_settings(options, run, options.content_dir / "tinh", options.output, province.site_url,
                             province.name, shared=None)
    settings.update(DELETE_OUTPUT_DIRECTORY=False, TRANGXA_COMMUNE_SLUGS=slugs,
                    TRANGXA_PROVINCE_PAGES=str(options.content_dir / "tinh"), TRANGXA_REPORT=report)
    built = _run_pelican(settings, run)
    return SiteResult("tinh", built, tuple(run.findings), run.pages_written, time.perf_counter() - started)


def site_settings(options: BuildOptions, run: SiteRun, source: Path, output: Path, site_url: str, name: str,
                  shared: Path | None) -> dict:
    """Pelican settings for one site: the shared settings file, with what differs per site on top."""
    override = {
        "PATH": str(source),
        "OUTPUT_PATH": str(output),
        "SITEURL": site_url,
        "CANONICAL_BASE": site_url,
        "SITENAME": name,
        "AUTHOR": name,  # the feeds' author: the unit that publishes
        "TRANGXA_RUN": run,
        "TRANGXA_PROFILE": run.province.profile,
        "TRANGXA_SHARED_PATH": str(shared) if shared else None,
        "TRANGXA_CACHE": str(options.cache_path()),
    }
    if options.relative_urls is not None:
        override["RELATIVE_URLS"] = options.relative_urls
    from pelican.settings import read_settings  # here: a build with nothing to do never loads Pelican (0.25 s)

    settings = read_settings(str(options.settings_file), override=override)
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], **_compiled_templates(options.cache_path())}
    return settings


def _compiled_templates(cache: Path) -> dict:
    """Templates compiled once, kept in the cache (checked against their source), not again for every site; and
    not checked for changes while a site is written (a build never edits its theme)."""
    folder = cache / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return {"bytecode_cache": FileSystemBytecodeCache(str(folder)), "auto_reload": False}


def _run_pelican(settings: dict, run: SiteRun) -> bool:
    """Run Pelican for one site; an exception becomes a ``build-failed`` finding for that site only."""
    from pelican import Pelican
    from pelican.log import console

    console.quiet = True  # Pelican prints a "Done: …" line per run; our report says it once
    try:
        Pelican(settings).run()
    except Exception as err:  # noqa: BLE001 - one site's failure must not stop the others
        run.report(run.name, Problem("build-failed", {"detail": f"{type(err).__name__}: {err}"}))
        return False
    return True
