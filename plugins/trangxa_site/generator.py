"""The commune site generator: renders one commune's job — its items already read and checked — into its site."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

from pelican.contents import Content
from pelican.generators import Generator

from trangxa import scaffold
from trangxa.aggregate.summary import SUMMARY_FILE, commune_summary
from trangxa.build.jobs import SETTINGS_KEY, CommuneJob, RenderResult
from trangxa.checks.status import SCORE_RULE
from trangxa.law.profile import HomeBlock
from trangxa_admin import write_admin
from trangxa_render import pages as outputs
from trangxa_search import index_site

from trangxa_site import disclosure, languages, links, media, registry
from trangxa_site.content import Placing, pages_of
from trangxa_site.sections import Section, build_sections, latest, paginate

STATUS_PAGE = "tinh-trang-cap-nhat/"
SEARCH_PAGE = "tim-kiem/"
SHARED_LABEL = "Thông tin chung"  # the search filter of the pages every site carries


class CommuneGenerator(Generator):
    """Pelican generator for one commune: its job → sections → pages, feeds, sitemaps, summary, search, admin."""

    def generate_context(self) -> None:
        self.job: CommuneJob = self.settings[SETTINGS_KEY]
        self.profile = self.job.province.profile
        self.result = RenderResult(self.job.commune.slug)
        reading = self.job.checked.reading
        self.assets = media.publish_pictures(self, reading.assets)
        placing = Placing(self.profile, self.pictures, self.published, {item.rel for item in reading.items})
        items = pages_of(reading.items, self.profile, placing, self.settings, self.context, self.job.source)
        self.items, self.translations = languages.split(items)
        shared = pages_of(self.job.shared, self.profile, placing, self.settings, self.context, self.job.shared_source)
        self.shared_pages = sorted(shared, key=lambda page: (page.record.get("thu_tu", 100), page.title))
        self.sections = build_sections(self.profile, self.items)
        self.versions = languages.versions(self.items, self.translations, {s.url for s in self.sections.values()})
        self.links = links.link_map(self.profile, self.items)
        self.albums = {slug: media.library(section, self.pictures) for slug, section in self.sections.items()
                       if self._record_type(section).folder_file}
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

    def _site_context(self) -> dict:
        job, home = self.job, self.profile.home
        checked, commune, today = job.checked, job.commune, job.as_of
        return {
            "commune": commune,
            "province": job.province,
            "profile": self.profile,
            "sections": self.sections,
            "menu": self.profile.menu(),
            "menu_more": self.profile.menu_more(),
            "shared_pages": self.shared_pages,
            "today": today,
            "home": home,
            "home_news": self._block(home.news),
            "home_documents": self._block(home.documents),
            "home_procedures": self._block(home.procedures, newest=False),
            "home_reception": self._upcoming(home.reception, today),
            "home_notices": latest([item for block in home.notices for item in self._open(block, today)], 5),
            "contact": self.sections[home.contact].intro if home.contact in self.sections else None,
            "edit_url": functools.partial(scaffold.edit_url, job.province.repository, commune.slug),
            "new_url": lambda category: scaffold.new_url(job.province.repository, self.profile, commune.slug,
                                                         category, today),
            "statuses": checked.statuses,
            "score": checked.score,
            "score_rule": SCORE_RULE,
            "period": checked.period,
            "errors": sum(f.severity == "error" for f in checked.counted),
            "accepted": [f for f in checked.findings if f.accepted],
            "not_arising": disclosure.not_arising(self.profile, self.items),
            "disclosures": disclosure.catalogue(self.profile, self.items),
            "quarters": disclosure.by_quarter(self.profile, self.items),
            "pictures": self.pictures,
            "published": self.published,
            "links": self.links,
            "site_languages": languages.site_languages(self.profile, commune),
            "translations": self.translations,
            "lang": "vi",
            "language": self.profile.languages.get("vi"),
            "versions": {},
        }

    def _block(self, block: HomeBlock | None, newest: bool = True) -> list[Content]:
        if block is None or block.category not in self.sections:
            return []
        items = self.sections[block.category].items
        return latest(items, block.count) if newest else items[: block.count]

    def _open(self, block: HomeBlock, today: dt.date) -> list[Content]:
        """A category's records still open today (a consultation until it closes, an outage until it ends)."""
        items = self.sections[block.category].items if block.category in self.sections else []
        return [item for item in items if item.record.get(block.until, today) >= today]

    def _upcoming(self, block: HomeBlock | None, today: dt.date) -> list[Content]:
        if block is None or block.category not in self.sections:
            return []
        coming = [item for item in self.sections[block.category].items
                  if isinstance(item.record.get(block.date), dt.date) and item.record[block.date] >= today]
        return sorted(coming, key=lambda item: item.record[block.date])[: block.count]

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
        outputs.copy_assets(str(self.job.source), self.output_path, self.assets)
        self._finish(write)

    def _finish(self, write: outputs.PageWriter) -> None:
        """The summary for the provincial index, the search index, the admin; then what the run found."""
        output = Path(self.output_path)
        summary = commune_summary(self.job.province, self.job.checked, self.job.quarter_part)
        (output / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        index_site(output, write.search_pages, self.result, cache=self.job.cache)
        if self.job.province.repository and not self.settings.get("PREVIEW"):  # no admin beside unreviewed content
            write_admin(output, self.job.province, self.job.commune, self.result.report)
        self.result.pages = len(write.urls)
        self.result.save(self.job.result)

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
                                             registry.export_rows(section, record_type, self.links, self.published,
                                                                  str(self.job.source)))
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
