"""The three runs of a province — check, build, report — each a short sequence of named steps.

All three read and check a commune the same way (``checks.commune.read_and_check``), each commune in a process of
its own (``build.workers``): what ``check`` reports is what ``build`` reports. ``build`` then renders each commune
with Pelican and the provincial index over them; ``report`` writes a quarter's report with the index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from trangxa.aggregate.report import Quarter, QuarterReport, build_report
from trangxa.aggregate.yearly import YearReport, rank, year_line
from trangxa.build.communes import build_communes
from trangxa.build.index import build_index
from trangxa.build.plan import Plan
from trangxa.build.release import bring_in, linked_sites, output_lock, staged, verify_release
from trangxa.build.results import BuildResult, SiteResult
from trangxa.build.workers import Failure, Progress, run_each
from trangxa.checks.commune import CommuneCheck, failed, page_findings, read_and_check
from trangxa.config.commune import IDENTITY_FILE, discover, duplicate_domains, is_commune
from trangxa.config.province import Province, load_province
from trangxa.law.findings import Finding, Problem, place
from trangxa.options import BuildError, BuildOptions
from trangxa.read.items import read_pages


def check(options: BuildOptions, as_of: dt.date | None = None) -> list[CommuneCheck]:
    """``invoke check``: the selected communes read and checked as of ``as_of`` (the options' date by default)."""
    province, folders, options = prepare(options)
    checked = check_communes(options, province, select(options, folders), as_of or options.as_of)
    shared = duplicate_domains([(c.slug, c.commune.domain, c.commune.domain_line) for c in checked if c.commune],
                               province.site_url)
    return [replace(c, read_findings=c.read_findings + _placed(c.slug, shared)).at(province, c.as_of, c.period)
            if c.slug in shared else c for c in checked]


def build(options: BuildOptions) -> BuildResult:
    """``invoke build``: the selected communes, then the provincial index over every commune built so far. The
    output is replaced as a whole only when everything has been written (``release``); a commune whose inputs
    have not changed since its published site was built keeps that site (``plan``), and when nothing changed at
    all, nothing is written. A shard builds its communes only; a merge builds no commune, only the index over the
    sites the shards wrote."""
    province, folders, options = prepare(options)
    selected = [] if options.merge_from else select(options, folders)
    plan = Plan.make(options, selected)
    if plan.unchanged(folders, options):
        return BuildResult(tuple(plan.reused.values()), plan.index)
    shared = read_pages(options.content_dir / "chung", province.profile)
    with output_lock(options.output), staged(options.output, {folder.name for folder in selected},
                                              keep_others=options.partial) as stage:
        work = replace(options, output=stage.path, cache_dir=options.cache_path())
        bring_in(stage, list(options.merge_from))
        kept = [result for slug, result in plan.reused.items() if stage.keep(slug)]
        todo = [folder for folder in selected if folder.name not in {result.name for result in kept}]
        built = build_communes(work, province, todo, stage, shared, salt=plan.common)
        results = _with_domain_findings(sorted(kept + built, key=lambda result: result.name), province)
        slugs = [folder.name for folder in folders if is_commune(folder)]
        index = None if options.shard else build_index(work, province, slugs, results,
                                                       read_pages(options.content_dir / "tinh", province.profile))
        verify_release(stage.path, index)
        links = linked_sites(stage.path)
    plan.save(options, results, index, links)
    return BuildResult(tuple(results), index, tuple(page_findings(shared, "content/chung")))


def report(options: BuildOptions, quarter: Quarter, as_of: dt.date | None = None) -> QuarterReport:
    """``invoke report``: the quarter's report, checked as of ``as_of`` (by default the quarter's last day) for the
    quarter's period, written with the provincial index into <output>/bao-cao/<quarter>/."""
    province, folders, options = prepare(options)
    folders = [folder for folder in folders if is_commune(folder)]  # a refused folder is no commune
    day = as_of or quarter.end
    checked = [c.at(province, day, quarter.period(day)) for c in check_communes(options, province, folders, day)]
    result = build_report(province.profile, checked, quarter, day)
    _write_index(options, province, folders, day, quarter_report=result)
    return result


def year_report(options: BuildOptions, year: int, as_of: dt.date | None = None) -> YearReport:
    """``invoke report --year``: each commune's quarters of ``year`` and its rank, as of ``as_of`` (by default the
    year's last day), written with the provincial index into <output>/bao-cao/<year>/."""
    province, folders, options = prepare(options)
    folders = [folder for folder in folders if is_commune(folder)]
    day = as_of or dt.date(year, 12, 31)
    checked = check_communes(options, province, folders, day)
    result = rank(year, day, [year_line(province, commune, year, day) for commune in checked])
    _write_index(options, province, folders, day, year_report=result)
    return result


def _write_index(options: BuildOptions, province: Province, folders: list[Path], day: dt.date, **reports) -> None:
    with output_lock(options.output), staged(options.output, rebuild=set()) as stage:
        work = replace(options, output=stage.path, as_of=day)
        index = build_index(work, province, [folder.name for folder in folders], [],
                            read_pages(options.content_dir / "tinh", province.profile), **reports)
        verify_release(stage.path, index)


def check_communes(options: BuildOptions, province: Province, folders: list[Path], as_of: dt.date) -> list[CommuneCheck]:
    """Each commune read and checked in a process of its own; one that crashes or hangs is a finding."""
    def work(folder: Path, progress: Progress) -> CommuneCheck:
        return read_and_check(folder, province, as_of, progress)

    def stopped(folder: Path, why: Failure) -> CommuneCheck:
        rule = {"crashed": "build-crashed", "timeout": "build-timeout"}[why.kind]
        file = f"{folder.name}/{why.file}" if why.file else None
        return failed(folder.name, as_of, Problem(rule, {"detail": why.detail}), file)

    return run_each(folders, work, stopped, options.jobs or _cores(), options.timeout)


def _placed(slug: str, problems: dict[str, Problem]) -> tuple[Finding, ...]:
    return (place(problems[slug], slug, f"{slug}/{IDENTITY_FILE}"),)


def _with_domain_findings(results: list[SiteResult], province: Province) -> list[SiteResult]:
    """Each site's findings with a duplicate-domain error where its domain is another's too (computed again on
    every build: a kept site's saved findings may hold an old one)."""
    units = [(r.name, r.domain[0], r.domain[1]) for r in results if r.domain]
    shared = duplicate_domains(units, province.site_url)
    found = []
    for result in results:
        findings = tuple(f for f in result.findings if f.rule != "duplicate-domain")
        found.append(replace(result, findings=findings + (_placed(result.name, shared) if result.name in shared else ())))
    return found


def prepare(options: BuildOptions) -> tuple[Province, list[Path], BuildOptions]:
    """The province, its communes' folders, and the options with the day the run is checked as of decided."""
    if not options.communes_dir.is_dir():
        raise BuildError(f"Không có thư mục các xã: {options.communes_dir}")
    province = load_province(options.province_path())
    return province, discover(options.communes_dir), options.on(province.reference_date)


def select(options: BuildOptions, folders: list[Path]) -> list[Path]:
    """The communes a run is about: one (``--commune``), those a change touches (``--changed-since``), a shard."""
    selected = [folder for folder in folders if options.commune in (None, folder.name)]
    if options.changed_since:
        slugs = touched(options.communes_dir, options.changed_since)
        selected = selected if slugs is None else [folder for folder in selected if folder.name in slugs]
    if options.shard:
        number, count = options.shard
        selected = [folder for index, folder in enumerate(selected) if index % count == number - 1]
    if options.commune and not selected:
        raise BuildError(f"Không có xã '{options.commune}' trong {options.communes_dir}.")
    return selected


def touched(communes_dir: Path, since: str) -> set[str] | None:
    """The communes whose files changed since the Git revision ``since`` (a pull request's base); None when the
    change touches anything else — code, profile, province.yml, shared pages — which concerns every commune."""
    import subprocess

    try:
        top = Path(subprocess.run(["git", "-C", str(communes_dir), "rev-parse", "--show-toplevel"], check=True,
                                  capture_output=True, text=True).stdout.strip())
        names = subprocess.run(["git", "-C", str(top), "diff", "--name-only", "-z", f"{since}...HEAD"], check=True,
                               capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        detail = getattr(err, "stderr", "") or str(err)
        raise BuildError(f"Không so được với phiên bản '{since}' của kho Git: {detail.strip()[:200]}") from None
    folder = communes_dir.resolve().relative_to(top.resolve())
    slugs: set[str] = set()
    for name in filter(None, names.split("\0")):
        path = Path(name)
        if not path.is_relative_to(folder) or len(path.relative_to(folder).parts) < 2:
            return None
        slug = path.relative_to(folder).parts[0]
        if not slug.startswith(("_", ".")):  # communes/_mau/: the blank templates, no commune's
            slugs.add(slug)
    return slugs


def _cores() -> int:
    import os

    return os.cpu_count() or 1
