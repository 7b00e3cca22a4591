"""Writing a site: pages through Pelican's writer (remembering which go to the search index), breadcrumbs,
sitemap.xml, copied attachments. Shared by the commune site and the provincial index generators.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.sax.saxutils import escape

from pelican.contents import Content

from trangxa.law.profile import Category, Profile
from trangxa_search.records import SearchPage

class PageWriter:
    """Writes pages of one site through Pelican's writer and remembers what it wrote (for sitemap.xml)."""

    def __init__(self, generator, writer):
        self.generator = generator
        self.writer = writer
        self.urls: list[str] = []
        self.search_pages: list[SearchPage] = []  # what the site's search index is made of, once written

    def page(self, save_as: str, template: str, search: tuple[str, object] | None = None, **kwargs) -> None:
        """Write one page; ``search`` = (top-level category name, date or None) puts it in the search index."""
        generator = self.generator
        url = save_as.removesuffix("index.html")
        kwargs.setdefault("versions", getattr(generator, "versions", {}).get(url, {}))  # the page in other languages
        self.writer.write_file(save_as, generator.get_template(template), generator.context,
                               relative_urls=generator.settings["RELATIVE_URLS"], page_url=url, **kwargs)
        self.urls.append(url)
        if search is not None:
            category, day = search
            day = day.date() if hasattr(day, "date") else day
            self.search_pages.append(SearchPage(f"/{url}", Path(generator.output_path, save_as), category, day))


def crumbs(profile: Profile, category: Category, item: Content | None = None) -> list[tuple[str, str]]:
    """Breadcrumbs below "Trang chủ": each parent category, the category, then the item."""
    trail = []
    slug: str | None = category.slug
    while slug:
        cat = profile.category(slug)
        trail.insert(0, (cat.name, cat.url))
        slug = cat.parent_slug
    if item is not None:
        trail.append((item.title, item.url))
    return trail


SITEMAPS = '<?xml version="1.0" encoding="UTF-8"?>\n<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def write_sitemap_xml(output_path: str, site_url: str, urls: list[str], name: str = "sitemap.xml") -> None:
    """The site's pages for search engines (TT 32/2017: an XML sitemap beside the text one), and a robots.txt
    that points at it (read where the site has a domain of its own)."""
    entries = "".join(f"<url><loc>{escape(site_url)}/{escape(url)}</loc></url>\n" for url in urls)
    Path(output_path, name).write_text(SITEMAPS.format(tag="urlset") + entries + "</urlset>\n", encoding="utf-8")
    Path(output_path, "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url}/sitemap.xml\n",
                                               encoding="utf-8")


def write_sitemap_index(output_path: str, sitemaps: list[str]) -> None:
    """The province's sitemap.xml: an index of its own sitemap and every commune's."""
    entries = "".join(f"<sitemap><loc>{escape(url)}</loc></sitemap>\n" for url in sitemaps)
    text = SITEMAPS.format(tag="sitemapindex") + entries + "</sitemapindex>\n"
    Path(output_path, "sitemap.xml").write_text(text, encoding="utf-8")


def copy_assets(source: str, output: str, assets: list[str]) -> None:
    """Attachments and images keep their path, so a record's ``tep: x.pdf`` is beside its page's folder."""
    for rel in assets:
        target = Path(output, rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(source, rel), target)
