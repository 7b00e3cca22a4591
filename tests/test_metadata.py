"""What machines read: Dublin Core and Open Graph on every page, canonical URLs, Atom feeds per commune and per
category, sitemap.xml per site and the province's sitemap index."""

import re
import xml.etree.ElementTree as ET

from helpers import read, walk

DC = ("title", "creator", "date", "description", "publisher", "identifier", "language")
OG = ("site_name", "locale", "type", "title", "url", "description")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}


def test_every_page_carries_dublin_core_open_graph_and_a_canonical_url(demo_build):
    _, output = demo_build
    pages = [p for p in walk(output, "*.html") if "admin" not in p.parts]
    assert len(pages) > 500
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        for name in DC:
            assert re.search(rf'<meta name="DC\.{name}" content="[^"]+">', head), (page, name)
        for name in OG:
            assert re.search(rf'<meta property="og:{name}" content="[^"]+">', head), (page, name)
        assert re.search(r'<link rel="canonical" href="https://xa\.minhhai\.gov\.vn/[^"]*">', head), page


def test_an_article_is_dated_and_shares_its_cover(demo_build):
    _, output = demo_build
    head = read(output, "phuong-dong-hai/tin-tuc/2026-10-06-dien-tap-phong-thu-dan-su/index.html").split("</head>")[0]
    assert '<meta name="DC.date" content="2026-10-06">' in head and '<meta property="og:type" content="article">' in head
    assert re.search(r'<meta property="og:image" content="https://xa\.minhhai\.gov\.vn/phuong-dong-hai/tin-tuc/'
                     r'2026-10-06-dien-tap-phong-thu-dan-su-\d+\.jpg">', head)


def test_atom_feeds_per_commune_and_per_category(demo_build):
    _, output = demo_build
    feed = ET.parse(output / "phuong-dong-hai/feeds/atom.xml").getroot()
    assert len(feed.findall("a:entry", NS)) >= 10
    news = ET.parse(output / "phuong-dong-hai/tin-tuc/atom.xml").getroot()
    links = [e.find("a:link", NS).get("href") for e in news.findall("a:entry", NS)]
    assert links and all(link.startswith("https://xa.minhhai.gov.vn/phuong-dong-hai/tin-tuc/") for link in links)
    assert (output / "phuong-dong-hai/van-ban/atom.xml").is_file()


def test_the_province_has_a_sitemap_index_of_every_sites_sitemap(demo_build):
    result, output = demo_build
    index = ET.parse(output / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locations = {s.find("s:loc", NS).text for s in index.findall("s:sitemap", NS)}
    expected = {f"https://xa.minhhai.gov.vn/{site.name}/sitemap.xml" for site in result.communes}
    assert locations == expected | {"https://xa.minhhai.gov.vn/sitemap-tinh.xml"}
    for site in result.communes:
        urls = ET.parse(output / site.name / "sitemap.xml").getroot().findall("s:url", NS)
        assert len(urls) == site.pages - 1  # every page but the 404
    own = {u.find("s:loc", NS).text for u in ET.parse(output / "sitemap-tinh.xml").getroot().findall("s:url", NS)}
    assert "https://xa.minhhai.gov.vn/tinh-trang/" in own
    assert "Sitemap: https://xa.minhhai.gov.vn/sitemap.xml" in read(output, "robots.txt")
