"""The provincial index: every commune's summary — those built now, those kept, and those that could not be built,
named with the reason — the latest news across them, the dashboard and the last closed quarter's report."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from trangxa.aggregate.report import Quarter, QuarterReport, from_summaries
from trangxa.aggregate.yearly import YearReport
from trangxa.aggregate.summary import failed_summary, read_summaries
from trangxa.build.jobs import IndexJob
from trangxa.build.render import render
from trangxa.build.results import SiteResult
from trangxa.checks.commune import page_findings
from trangxa.config.province import Province
from trangxa.options import BuildOptions
from trangxa.read.items import Reading


def build_index(options: BuildOptions, province: Province, slugs: list[str], results: list[SiteResult],
                pages: Reading, quarter_report: QuarterReport | None = None,
                year_report: YearReport | None = None) -> SiteResult:
    """The index into ``options.output``, over the sites there; ``quarter_report`` replaces the last closed
    quarter's; a ``year_report`` is written beside it."""
    started = time.perf_counter()
    summaries = index_summaries(options.output, province, slugs, results)
    report = quarter_report or from_summaries(Quarter.last_closed(options.as_of), summaries)
    with tempfile.TemporaryDirectory(prefix="trangxa-render-") as scratch:
        job = IndexJob(province, options.as_of, tuple(summaries), tuple(pages.items), options.content_dir / "tinh",
                       report, options.cache_path(), Path(scratch, "result.json"), year_report)
        built, rendered = render(options, job, options.output, province.site_url, province.name)
    findings = page_findings(pages, "content/tinh") + rendered.findings
    return SiteResult("tinh", built, tuple(findings), rendered.pages, time.perf_counter() - started)


def index_summaries(output: Path, province: Province, slugs: list[str], results: list[SiteResult]) -> list[dict]:
    """Each commune's summary from its site; a commune without a site is listed as failed, with why."""
    found = {summary["slug"]: summary for summary in read_summaries(output, slugs)}
    why = {result.name: result for result in results}
    summaries = []
    for slug in slugs:
        if slug in found:
            summaries.append(found[slug])
        else:
            result = why.get(slug)
            reason = result.failure if result else "Trang của xã chưa được tạo."
            summaries.append(failed_summary(slug, result.unit_name if result else "", reason, province))
    return summaries
