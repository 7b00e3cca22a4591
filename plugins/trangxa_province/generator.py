"""The provincial index generator: communes grouped by type, the latest news across them, province pages."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.generators import Generator

from trangxa import output
from trangxa.runs import SiteRun

LATEST_NEWS = 12


class ProvinceGenerator(Generator):
    def generate_context(self) -> None:
        self.run: SiteRun = self.settings["TRANGXA_RUN"]
        self.summaries = read_summaries(Path(self.output_path), self.settings["TRANGXA_COMMUNE_SLUGS"])
        self.pages = output.read_shared_pages(self, self.settings["TRANGXA_PROVINCE_PAGES"])
        self.shared_pages = self.pages
        self.context.update(
            {
                "commune": None,
                "province": self.run.province,
                "profile": self.run.province.profile,
                "today": self.run.today,
                "communes": self.summaries,
                "groups": group_by_type(self.summaries, self.run.province.profile),
                "latest_news": latest_news(self.summaries, LATEST_NEWS),
                "shared_pages": self.pages,
            }
        )

    def generate_output(self, writer) -> None:
        write = output.PageWriter(self, writer)
        write.page("index.html", "province", breadcrumbs=[])
        for page in self.pages:
            write.page(page.save_as, "page", item=page, breadcrumbs=[(page.title, page.url)])
        output.write_sitemap_xml(self.output_path, self.settings["SITEURL"], write.urls)
        self.run.pages_written = len(write.urls)


def read_summaries(output_path: Path, slugs: list[str]) -> list[dict]:
    """The summary each commune's build wrote; a commune without one (never built) is left out."""
    summaries = []
    for slug in slugs:
        path = output_path / slug / output.SUMMARY_FILE
        if path.is_file():
            summaries.append(json.loads(path.read_text(encoding="utf-8")))
    return summaries


def group_by_type(summaries: list[dict], profile) -> list[tuple[str, str, list[dict]]]:
    """(type slug, plural heading, communes) in the profile's order of commune types."""
    groups = []
    for kind in profile.commune_types.values():
        members = sorted((s for s in summaries if s["type"] == kind.slug), key=lambda s: s["name"])
        if members:
            groups.append((kind.slug, kind.name, members))
    return groups


def latest_news(summaries: list[dict], count: int) -> list[dict]:
    entries = [dict(entry, commune=s["name"], commune_slug=s["slug"]) for s in summaries for entry in s["news"]]
    return sorted(entries, key=lambda e: e["date"], reverse=True)[:count]
