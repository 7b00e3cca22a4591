"""The provincial index generator: renders the index's job — communes grouped by type (those without a site named,
with why), the latest news across them, the compliance dashboard, the quarterly report, the province's own pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican.generators import Generator

from trangxa.aggregate import yearly
from trangxa.aggregate.report import ACTION_RULE, QuarterReport, write_csv, write_xlsx
from trangxa.checks.status import SCORE_RULE
from trangxa.build.jobs import SETTINGS_KEY, IndexJob, RenderResult
from trangxa.law import findings
from trangxa_render import pages as output
from trangxa_admin import write_admin
from trangxa_search import index_site
from trangxa_site.content import Placing, pages_of

LATEST_NEWS = 12
DASHBOARD = "tinh-trang/"
SEARCH_PAGE = "tim-kiem/"
OWN_SITEMAP = "sitemap-tinh.xml"  # the index's own pages; sitemap.xml indexes it and every commune's
OWN_PAGES = "Trang của tỉnh"  # the search filter of the provincial index's own pages


class ProvinceGenerator(Generator):
    def generate_context(self) -> None:
        self.job: IndexJob = self.settings[SETTINGS_KEY]
        self.result = RenderResult("tinh")
        profile = self.job.province.profile
        self.summaries = list(self.job.summaries)
        placing = Placing(profile, {}, set(), set())
        pages = pages_of(self.job.pages, profile, placing, self.settings, self.context, self.job.pages_source)
        self.pages = sorted(pages, key=lambda page: (page.record.get("thu_tu", 100), page.title))
        self.report: QuarterReport | None = self.job.report
        self.context.update(
            {
                "commune": None,
                "province": self.job.province,
                "profile": profile,
                "today": self.job.as_of,
                "communes": self.summaries,
                "groups": group_by_type(self.summaries, profile),
                "failed": [summary for summary in self.summaries if summary.get("failed")],
                "latest_news": latest_news(self.summaries, LATEST_NEWS),
                "shared_pages": self.pages,
                "dashboard_columns": dashboard_columns(profile),
                "report": self.report,
                "year_report": self.job.year_report,
                "score_rule": SCORE_RULE,
                "action_rule": ACTION_RULE,
                "rank_rule": yearly.RANK_RULE,
            }
        )

    def generate_output(self, writer) -> None:
        write = output.PageWriter(self, writer)
        write.page("index.html", "province", breadcrumbs=[])
        for page in self.pages:
            write.page(page.save_as, "page", item=page, breadcrumbs=[(page.title, page.url)],
                       search=(OWN_PAGES, None))
        write.page(f"{SEARCH_PAGE}index.html", "search", search_indexes=self._commune_indexes(),
                   breadcrumbs=[("Tìm kiếm", SEARCH_PAGE)])
        by_score = sorted(self.summaries, key=lambda s: (s.get("score", 0), s["name"]))
        by_name = sorted(self.summaries, key=lambda s: s["name"])
        crumbs = [("Tình trạng cập nhật", DASHBOARD)]
        write.page(f"{DASHBOARD}index.html", "dashboard", rows=by_score, order="score", breadcrumbs=crumbs)
        write.page(f"{DASHBOARD}theo-ten/index.html", "dashboard", rows=by_name, order="name",
                   breadcrumbs=crumbs + [("Theo tên", f"{DASHBOARD}theo-ten/")])
        write.page("trang/thong-bao-kiem-tra/index.html", "rules", rules=catalogue_entries(),
                   breadcrumbs=[("Ý nghĩa các thông báo kiểm tra", "trang/thong-bao-kiem-tra/")])
        if self.report:
            self._write_report(write, self.report)
        if self.job.year_report:
            self._write_year(write, self.job.year_report)
        pages_dir = self.job.pages_source
        output.copy_assets(str(pages_dir), str(Path(self.output_path) / "trang"), page_assets(pages_dir))
        site_url = self.settings["SITEURL"]
        output.write_sitemap_xml(self.output_path, site_url, write.urls, OWN_SITEMAP)
        output.write_sitemap_index(self.output_path, [f"{site_url}/{OWN_SITEMAP}"] +
                                   [f"{summary['url']}/sitemap.xml" for summary in self.summaries
                                    if not summary.get("failed")])
        index_site(Path(self.output_path), write.search_pages, self.result,
                   [summary["slug"] for summary in self.summaries if not summary.get("failed")], self.job.cache)
        if self.job.province.repository and not self.settings.get("PREVIEW"):
            write_admin(Path(self.output_path), self.job.province, None, self.result.report)  # Decap's shared copy
        self.result.pages = len(write.urls)
        self.result.save(self.job.result)

    def _commune_indexes(self) -> list[dict]:
        """Every commune's search index, for the provincial search to merge (Pagefind multisite): the commune's
        own folder relative to the index in local and sub-path builds, else its own address."""
        relative = self.settings["RELATIVE_URLS"]
        found = []
        for summary in self.summaries:
            if (Path(self.output_path) / summary["slug"] / "pagefind" / "pagefind-entry.json").is_file():
                base = f"{summary['slug']}/" if relative else f"{summary['url']}/"
                found.append({"index": f"{base}pagefind/", "base": base, "name": summary["name"]})
        return found

    def _write_report(self, write: output.PageWriter, report: QuarterReport) -> None:
        """The quarter's report as a page, with its CSV and XLSX beside it (the same rows in each)."""
        folder = f"bao-cao/{report.quarter.code}/"
        target = Path(self.output_path) / folder
        name = f"bao-cao-{report.quarter.code}"
        csv_file, xlsx_file = target / f"{name}.csv", target / f"{name}.xlsx"
        before = [path.read_bytes() if path.is_file() else None for path in (csv_file, xlsx_file)]
        shutil.rmtree(target, ignore_errors=True)  # unlink, never write through, a previous release's files
        target.mkdir(parents=True)
        write_csv(report, csv_file)
        if before[1] is not None and csv_file.read_bytes() == before[0]:
            xlsx_file.write_bytes(before[1])  # the same rows as last time: the workbook is too (and costs 0.2 s)
        else:
            write_xlsx(report, xlsx_file)
        write.page(f"{folder}index.html", "report", file_name=name,
                   breadcrumbs=[(f"Báo cáo {report.quarter.label}", folder)])


    def _write_year(self, write: output.PageWriter, report) -> None:
        """The yearly ranking as a page, with its CSV and XLSX beside it."""
        folder = f"bao-cao/{report.year}/"
        target = Path(self.output_path) / folder
        name = f"bao-cao-{report.year}"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        yearly.write_csv(report, target / f"{name}.csv")
        yearly.write_xlsx(report, target / f"{name}.xlsx")
        write.page(f"{folder}index.html", "year_report", file_name=name, year=report,
                   breadcrumbs=[(f"Đánh giá năm {report.year}", folder)])


def group_by_type(summaries: list[dict], profile) -> list[tuple[str, str, list[dict]]]:
    """(type slug, heading, communes) in the profile's order of commune types."""
    groups = []
    for kind in profile.commune_types.values():
        members = sorted((s for s in summaries if s["type"] == kind.slug), key=lambda s: s["name"])
        if members:
            groups.append((kind.slug, kind.name, members))
    return groups


def latest_news(summaries: list[dict], count: int) -> list[dict]:
    entries = [dict(entry, commune=s["name"], commune_slug=s["slug"]) for s in summaries for entry in s.get("news", [])]
    return sorted(entries, key=lambda e: e["date"], reverse=True)[:count]


def dashboard_columns(profile) -> list:
    """The categories every commune must have (leaves of the profile): the dashboard's columns."""
    return [cat for cat in profile.categories if cat.required == "always" and not profile.children(cat.slug)]


def page_assets(folder: Path) -> list[str]:
    """Pictures beside the province's pages (the guide's illustrations), published under trang/."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".png", ".jpg", ".webp"))


def catalogue_entries() -> list[dict]:
    """Every finding staff can meet, from the messages catalogue: the guide's table of what each one means."""
    return [{"rule": rule, **entry} for rule, entry in sorted(findings.catalogue().items())]
