"""The bundled demo province, built once: complete, linked, light, and marked as sample data."""

import gzip
import re

from helpers import ROOT, TODAY, broken_links, read, relative_site, walk
from test_build import crawl
from trangxa.law.loading import load_profile

PROFILE = load_profile("nd224-2026")
COMPLETE = ("phuong-dong-hai", "xa-tan-thanh", "dac-khu-hon-da-bac", "xa-thoi-binh")
DEMO = sorted(p.name for p in (ROOT / "communes").iterdir() if p.is_dir() and not p.name.startswith("_"))


def test_demo_has_six_communes_of_every_type(demo_build):
    result, _ = demo_build
    assert len(DEMO) >= 6 and result.failed == []
    assert {site.summary["type"] for site in result.communes} >= {"xa", "phuong", "dac-khu"}


def test_index_links_to_every_commune(demo_build):
    _, output = demo_build
    index = read(output, "index.html")
    for slug in DEMO:
        assert f'href="./{slug}/"' in index, slug


def test_every_category_of_the_profile_has_content_in_some_commune():
    covered = {cat.slug for cat in PROFILE.categories
               if any(any(p.suffix in (".md", ".yml") for p in (ROOT / "communes" / slug / cat.slug).glob("*"))
                      for slug in DEMO)}
    generated = {cat.slug for cat in PROFILE.categories if cat.required == "generated"}  # made from the others
    assert {cat.slug for cat in PROFILE.categories} - covered - generated == set()


def test_complete_communes_have_no_errors(demo_build):
    result, _ = demo_build
    errors = [f for f in result.findings if f.commune in COMPLETE and f.severity == "error"]
    assert errors == []


def test_the_incomplete_commune_shows_its_gaps(demo_build):
    result, output = demo_build
    rules = {(f.commune, f.rule, f.file.split("/")[1]) for f in result.findings if "/" in f.file}
    assert ("xa-dat-moi", "missing-field", "van-ban") in rules
    leaders = read(output, "xa-dat-moi/gioi-thieu/lanh-dao/index.html")
    assert "Chuyên mục này chưa có nội dung." in leaders


def test_every_category_page_is_reachable_from_the_menu_of_every_commune(demo_build):
    _, output = demo_build
    for slug in DEMO:
        reached = crawl(output / slug, "index.html", depth=2)
        missing = [cat.slug for cat in PROFILE.categories if f"{cat.slug}/index.html" not in reached]
        assert missing == [], slug


def test_no_broken_internal_link(demo_build):
    _, output = demo_build
    assert broken_links(relative_site(output)) == []


def test_article_pages_fit_the_budget(demo_build):
    """HTML + CSS + script of an article page under 15 KB gzip, in three requests before images."""
    _, output = demo_build
    theme = output / "phuong-dong-hai/theme"
    assets = sum(len(gzip.compress((theme / rel).read_bytes())) for rel in ("css/site.css", "js/site.js"))
    pages = list((output / "phuong-dong-hai/tin-tuc").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_bytes()
        assert len(re.findall(rb'<link rel="stylesheet"', html)) == 1
        assert re.findall(rb"<script[^>]*>", html) == [b'<script src="../../theme/js/site.js" defer>']
        assert len(gzip.compress(html)) + assets < 15 * 1024, page


def test_every_page_says_it_is_sample_data(demo_build):
    _, output = demo_build
    notice = {"vi": "Dữ liệu mẫu", "en": "Sample data", "km": "Dữ liệu mẫu"}  # no Khmer translation of it yet
    for page in walk(output, "*.html"):
        if "admin" not in page.parts:  # the CMS's own page, for staff
            text = page.read_text(encoding="utf-8")
            assert notice[re.search(r'<html lang="([a-z]+)"', text)[1]] in text, page


def test_check_finds_the_demos_deliberate_gaps_and_nothing_on_complete_communes():
    from trangxa.runs import check
    from trangxa.options import BuildOptions

    checked = {c.slug: c for c in check(BuildOptions(communes_dir=ROOT / "communes"))}  # no date: the reference date
    assert {c.as_of for c in checked.values()} == {TODAY}
    for slug in COMPLETE:
        assert checked[slug].findings == () and checked[slug].score == 100, slug
    incomplete = {(f.rule, f.file) for f in checked["xa-dat-moi"].findings}
    assert ("missing-category", "xa-dat-moi/gioi-thieu/lanh-dao/") in incomplete
    assert ("missing-category", "xa-dat-moi/tiep-cong-dan/") in incomplete
    assert ("missing-category", "xa-dat-moi/ngan-sach/thuc-hien/") in incomplete
    assert {rule for rule, _ in incomplete} >= {"missing-field", "late-publication", "reception-week-missing"}
    stale = {f.rule for f in checked["phuong-hoa-thanh"].findings}
    assert stale == {"budget-report-missing", "leader-post-vacant", "reception-week-missing", "stale-category",
                     "stale-page", "not-declared"}
    assert checked["xa-dat-moi"].score < 100 and checked["phuong-hoa-thanh"].score < 100
    states = {s.slug: s.state for s in checked["xa-dat-moi"].statuses}
    assert states["lien-he"] == "invalid"  # its spokesperson is missing: never "Đầy đủ"


def test_the_demo_shows_the_same_on_any_day(demo_build):
    """Sample data is evaluated at the reference date in province.yml, whatever the clock says; the pages say so."""
    from trangxa.config.province import load_province

    assert load_province(ROOT / "province.yml").reference_date == TODAY
    _, output = demo_build
    status = read(output, "phuong-dong-hai/tinh-trang-cap-nhat/index.html")
    assert "tình trạng tính đến ngày 20/11/2026" in status
    assert "<strong>100/100</strong>" in status
    assert "Tình trạng tính đến ngày 20/11/2026" in read(output, "tinh-trang/index.html")


def test_invoke_check_exits_0_for_a_complete_commune_and_1_for_an_incomplete_one(capsys):
    from trangxa.cli import main

    assert main(["check", "--commune", "phuong-dong-hai", "--as-of", "2026-11-20", "--strict"]) == 0
    assert main(["check", "--commune", "xa-dat-moi", "--as-of", "2026-11-20"]) == 1
