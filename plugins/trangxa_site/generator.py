"""The commune site generator: reads a commune's folder through our reader and writes its whole site."""

from __future__ import annotations

import datetime as dt
import functools
import os
import json
from pathlib import Path

from pelican.contents import Content, Page
from pelican.generators import Generator

from trangxa import scaffold as editing
from trangxa.aggregate.summary import SUMMARY_FILE

from trangxa.read import items
from trangxa.checks import published_on
from trangxa.checks.commune import check_items, quarter_part
from trangxa.aggregate.report import Quarter
from trangxa.law.findings import Problem, ProblemError
from trangxa.build.jobs import SiteRun

from trangxa_render import pages as outputs
from trangxa_site import disclosure
from trangxa_site import languages
from trangxa_site import links
from trangxa_site import media
from trangxa_site import registry
from trangxa_site.sections import Section, build_sections, latest, paginate

HOME_NEWS = 6
STATUS_PAGE = "tinh-trang-cap-nhat/"
SEARCH_PAGE = "tim-kiem/"
SHARED_LABEL = "Thông tin chung"  # the search filter of the pages every site carries
HOME_LIST = 5


class CommuneGenerator(Generator):
    """Pelican generator for one commune: content → sections → pages, feeds, sitemaps, summary."""

    def generate_context(self) -> None:
        self.run: SiteRun = self.settings["TRANGXA_RUN"]
        self.profile = self.run.province.profile
        self.items: list[Content] = []
        self.assets: list[str] = []
        self._read_tree()
        self.shared_pages = outputs.read_shared_pages(self, self.settings["TRANGXA_SHARED_PATH"])
        self.sections = build_sections(self.profile, self.items)
        self.versions = languages.versions(self.items, self.translations, {s.url for s in self.sections.values()})
        self.links = links.link_map(self.profile, self.items)
        self.albums = {slug: media.library(section, self.run.pictures) for slug, section in self.sections.items()
                       if self._record_type(section).folder_file}
        self._check()
        self.context.update(self._site_context())
        self._cards()

    def _record_type(self, section: Section):
        return self.profile.record_types[section.category.record_type]

    def _cards(self) -> None:
        """A registry record linked alone in a paragraph becomes its card (a document in a news item)."""
        listed = {page.url: page for slug, section in self.sections.items() if section.category.listing
                  for page in section.items}
        card = self.env.get_template("macros.html").make_module(self.context).record_card
        for page in self.items:
            links.card_links(page, listed, card)

    def _check(self) -> None:
        """The compliance checks over what was read, as of the build's date: findings for the report,
        category states for the status page and the provincial dashboard."""
        entries = [page.entry for page in self.items + [p for ps in self.translations.values() for p in ps]]
        commune = self.run.commune
        findings, self.statuses, self.score = check_items(self.run.province, commune.slug, entries, self.run.today)
        self.run.findings.extend(findings)
        self.report_part = quarter_part(self.run.province, commune, entries, Quarter.last_closed(self.run.today))

    def _read_tree(self) -> None:
        found = items.scan(Path(self.path), self.profile)
        self.assets = media.publish_pictures(self, found.assets)
        for rel, problem in found.problems:
            category = self.profile.category_for(os.path.dirname(rel))
            self._report(rel, problem, category.basis_text if category else "")
        read = [page for page in (self._read_item(rel, slug) for rel, slug in found.content) if page is not None]
        kept, duplicates = items.unique_urls(read)
        self.items, self.translations = languages.split(kept)
        for rel, problem in duplicates:
            self._report(rel, problem)

    def _read_item(self, rel: str, category_slug: str) -> Content | None:
        basis = self.profile.category(category_slug).basis_text
        try:
            page = self.readers.read_file(self.path, rel, content_class=Page, context=self.context)
        except ProblemError as err:
            self._report(rel, err.problem, basis)
            return None
        for problem in page.entry.problems:
            self._report(rel, problem, basis)
        page.rel = rel
        return page

    def _report(self, rel: str, problem: Problem, basis: str = "") -> None:
        self.run.report(f"{self.run.commune.slug}/{rel}", problem, basis)

    def _site_context(self) -> dict:
        today = self.run.today
        by_slug = self.sections
        sessions = by_slug["tiep-cong-dan"].items if "tiep-cong-dan" in by_slug else []
        upcoming = [s for s in sessions if isinstance(s.record.get("ngay"), dt.date) and s.record["ngay"] >= today]
        return {
            "commune": self.run.commune,
            "province": self.run.province,
            "profile": self.profile,
            "sections": by_slug,
            "menu": self.profile.menu(),
            "menu_more": self.profile.menu_more(),
            "shared_pages": self.shared_pages,
            "today": today,
            "home_news": latest(by_slug["tin-tuc"].items, HOME_NEWS) if "tin-tuc" in by_slug else [],
            "home_documents": latest(by_slug["van-ban"].items, HOME_LIST) if "van-ban" in by_slug else [],
            "home_reception": sorted(upcoming, key=lambda s: s.record["ngay"])[:3],
            "home_procedures": by_slug["thu-tuc-hanh-chinh"].items[:HOME_LIST]
            if "thu-tuc-hanh-chinh" in by_slug else [],
            "contact": by_slug["lien-he"].intro if "lien-he" in by_slug else None,
            "home_notices": self._notices(today),
            "edit_url": functools.partial(editing.edit_url, self.run.province.repository, self.run.commune.slug),
            "new_url": lambda category: editing.new_url(self.run.province.repository, self.profile,
                                                        self.run.commune.slug, category, today),
            "statuses": self.statuses,
            "score": self.score,
            "disclosures": disclosure.catalogue(self.profile, self.items),
            "quarters": disclosure.by_quarter(self.profile, self.items),
            "pictures": self.run.pictures,
            "published": self.run.published,
            "links": self.links,
            "site_languages": languages.site_languages(self.profile, self.run.commune),
            "translations": self.translations,
            "lang": "vi",
            "language": self.profile.languages.get("vi"),
            "versions": {},
        }

    def _notices(self, today) -> list[Content]:
        """What a citizen should know now: consultations still open, planned outages not yet over."""
        open_until = {"lay-y-kien": "ngay_dong", "thong-bao-tam-ngung": "den_ngay"}
        notices = [item for slug, field in open_until.items() if slug in self.sections
                   for item in self.sections[slug].items if item.record.get(field, today) >= today]
        return latest(notices, HOME_LIST)

    def generate_output(self, writer) -> None:
        write = outputs.PageWriter(self, writer)
        homes = {"vi": "", **{code: f"{code}/" for code in self.translations}}  # a language's home is the home's
        write.page("index.html", "home", breadcrumbs=[], versions=homes)
        for section in self.sections.values():
            self._write_section(write, section)
        for item in self.items:
            if item.save_as and not item.folder_page:  # a folder's own record is written with its folder
                section = self.sections[item.category_slug]
                write.page(item.save_as, "item", item=item, section=section,
                           breadcrumbs=outputs.crumbs(self.profile, section.category, item),
                           search=(self.top_name(section.category), getattr(item, "date", None)))
        for page in self.shared_pages:
            write.page(page.save_as, "page", item=page, breadcrumbs=[(page.title, page.url)],
                       search=(SHARED_LABEL, None))
        write.page(f"{SEARCH_PAGE}index.html", "search", breadcrumbs=[("Tìm kiếm", SEARCH_PAGE)])
        write.page("so-do-trang/index.html", "sitemap", breadcrumbs=[("Sơ đồ trang", "so-do-trang/")])
        write.page(f"{STATUS_PAGE}index.html", "status", breadcrumbs=[("Tình trạng cập nhật", STATUS_PAGE)])
        write.page("404.html", "404", breadcrumbs=[])
        languages.write_language_sites(self, write, self.translations)
        self._write_feeds(writer)
        urls = [url for url in write.urls if not url.endswith("404.html")]
        outputs.write_sitemap_xml(self.output_path, self.settings["SITEURL"], urls)
        outputs.copy_assets(self.path, self.output_path, self.assets)
        self._write_summary()
        self.run.pages_written = len(write.urls)

    def top_name(self, category) -> str:
        """The name of a category's top-level ancestor: what search results are filtered by."""
        while category.parent_slug:
            category = self.profile.category(category.parent_slug)
        return category.name

    def _write_section(self, write: "outputs.PageWriter", section: Section) -> None:
        crumbs = outputs.crumbs(self.profile, section.category)
        if section.category.slug in self.albums:
            media.write_library(write, section, self.albums[section.category.slug], crumbs,
                                self.top_name(section.category))
            return
        record_type = self._record_type(section)
        if section.category.listing:
            pages = registry.listing_pages(section, record_type)
            exports = registry.write_exports(self.output_path, section.category,
                                             registry.export_rows(section, record_type, self.links, self.path))
            facets = registry.facets(section.category, record_type, section.items)
        else:
            pages, exports, facets = paginate(section.url, section.items), [], []
        for page in pages:
            trail = crumbs + ([(page.heading, page.base)] if page.heading else [])
            first = page.number == 1 and page.base == section.url  # the category's own page, not a filter or order
            write.page(page.save_as, "section", section=section, page_items=page.items, page_number=page.number,
                       page_count=page.count, listing=page, facets=facets, exports=exports, breadcrumbs=trail,
                       search=(self.top_name(section.category), None) if first else None)

    def _write_feeds(self, writer) -> None:
        context = dict(self.context, SITEURL=self.settings["SITEURL"])
        dated = latest(self.items, self.settings["FEED_MAX_ITEMS"] or 50)
        writer.write_feed(dated, context, "feeds/atom.xml", feed_type="atom")
        for section in self.sections.values():
            entries = latest(section.items, 50)
            if entries:
                writer.write_feed(entries, context, f"{section.url}atom.xml", feed_type="atom",
                                  feed_title=section.category.name)

    def _write_summary(self) -> None:
        """What the provincial index needs to know of this commune, beside its site (so --commune can rebuild
        the index without rebuilding every commune)."""
        commune, today = self.run.commune, self.run.today
        news = latest(self.sections["tin-tuc"].items, 5) if "tin-tuc" in self.sections else []
        dates = [d for d in (published_on(item.entry) for item in self.items) if d and d <= today]
        summary = {
            "slug": commune.slug,
            "name": commune.name,
            "type": commune.type,
            "type_name": commune.type_name,
            "domain": commune.domain,
            "url": self.run.province.commune_url(commune),
            "last_update": max(dates).isoformat() if dates else None,
            "items": len(self.items),
            "news": [outputs.news_entry(item) for item in news],
            "score": self.score,
            "statuses": {status.slug: status.state for status in self.statuses},
            "problems": {"error": sum(f.severity == "error" for f in self.run.findings),
                         "warning": sum(f.severity == "warning" for f in self.run.findings)},
            "report": self.report_part,
        }
        self.run.summary = summary
        path = Path(self.output_path) / SUMMARY_FILE
        path.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")

