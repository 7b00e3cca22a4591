"""Pages in other languages: translations beside their originals, published below the language, with the
interface from the message catalogue, dates per locale, lang/hreflang right, and a switcher that never leads to a
page that does not exist."""

import re

from fixtures import CONTACT
from helpers import build_scratch, commune_files, read, walk
from trangxa_render import i18n
from trangxa.law.loading import load_profile

SLUG = "xa-tan-thanh"
PROFILE = load_profile("nd224-2026")


def languages_commune() -> dict:
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/commune.yml"] += "    ngon_ngu: [vi, en, km]\n"  # indented like the dedented fixture
    files[f"{SLUG}/lien-he/index.yml"] = CONTACT
    files[f"{SLUG}/lien-he/index.en.yml"] = CONTACT.replace("tieu_de: Liên hệ", "tieu_de: Contact us").replace(
        "dia_chi: Số 1, đường Trần Hưng Đạo", "dia_chi: No. 1 Trần Hưng Đạo Street")
    files[f"{SLUG}/gioi-thieu/index.md"] = "---\ntieu_de: Giới thiệu xã\nngay_cap_nhat: 09/10/2026\n---\nXã Tân Thành.\n"
    files[f"{SLUG}/gioi-thieu/index.en.md"] = "---\ntieu_de: About the commune\nngay_cap_nhat: 09/10/2026\n---\nAbout.\n"
    files[f"{SLUG}/gioi-thieu/index.km.md"] = "---\ntieu_de: ឃុំ តាន់ថាញ់\nngay_cap_nhat: 09/10/2026\n---\nអំពីឃុំ។\n"
    return files


def test_a_translation_is_published_below_its_language_with_the_interface_translated(tmp_path):
    _, output = build_scratch(tmp_path, languages_commune())
    page = read(output, f"{SLUG}/en/lien-he/index.html")
    assert '<html lang="en">' in page and "<h1>Contact us</h1>" in page
    assert "Skip to main content" in page and "Bỏ qua, đến nội dung chính" not in page
    assert "<dt>Office address</dt><dd>No. 1 Trần Hưng Đạo Street</dd>" in page  # profile labels, translated
    assert '<meta name="DC.language" content="en">' in page
    vietnamese = read(output, f"{SLUG}/lien-he/index.html")
    assert '<html lang="vi">' in vietnamese and "Bỏ qua, đến nội dung chính" in vietnamese


def test_versions_link_both_ways_with_hreflang(tmp_path):
    _, output = build_scratch(tmp_path, languages_commune())
    vi = read(output, f"{SLUG}/lien-he/index.html")
    en = read(output, f"{SLUG}/en/lien-he/index.html")
    for page in (vi, en):
        assert '<link rel="alternate" hreflang="vi" href="https://xa.thunghiem.gov.vn/xa-tan-thanh/lien-he/">' in page
        assert '<link rel="alternate" hreflang="en" href="https://xa.thunghiem.gov.vn/xa-tan-thanh/en/lien-he/">' in page
    assert '<a href="../en/lien-he/" lang="en" hreflang="en">English</a>' in vi
    assert '<a href="../../lien-he/" lang="vi" hreflang="vi">Tiếng Việt</a>' in en


def test_a_page_without_translation_links_to_the_languages_home_and_says_so(tmp_path):
    _, output = build_scratch(tmp_path, languages_commune())
    vi = read(output, f"{SLUG}/lien-he/index.html")  # no Khmer translation of the contacts
    km = PROFILE.languages["km"]
    note = km.untranslated.removeprefix(km.name)  # the language's name, then why (hidden on a phone, kept for all)
    assert note and f'<a href="../km/" lang="km" hreflang="km">{km.name}<span class="lang-note">{note}</span></a>' in vi
    assert (output / SLUG / "km" / "index.html").is_file()
    assert 'hreflang="km" href=' not in vi.split("</head>")[0]  # no alternate that does not exist
    home = read(output, f"{SLUG}/km/index.html")
    assert '<html lang="km">' in home and "ឃុំ តាន់ថាញ់" in home


def test_dates_are_written_per_locale(tmp_path):
    _, output = build_scratch(tmp_path, languages_commune())
    assert '<time datetime="2026-10-09">Friday, 9 October 2026</time>' in read(output, f"{SLUG}/en/gioi-thieu/index.html")
    assert "Cập nhật: Thứ Sáu, 09/10/2026" in read(output, f"{SLUG}/gioi-thieu/index.html")
    khmer = read(output, f"{SLUG}/km/gioi-thieu/index.html")
    assert '<time datetime="2026-10-09">សុក្រ, 9 តុលា 2026</time>' in khmer  # Friday, October: Babel's km locale


def test_translations_do_not_count_twice_but_their_errors_are_reported(tmp_path):
    files = languages_commune()
    files[f"{SLUG}/lien-he/index.en.yml"] = "tieu_de: Contact us\n"  # the required fields are missing
    result, output = build_scratch(tmp_path, files)
    found = {(f.file, f.rule) for f in result.findings}
    assert (f"{SLUG}/lien-he/index.en.yml", "missing-field") in found
    summary = result.communes[0].summary
    assert summary["statuses"]["lien-he"] == "complete" and summary["items"] == 2  # the originals only


def test_the_other_languages_category_lists_the_translations(tmp_path):
    _, output = build_scratch(tmp_path, languages_commune())
    page = read(output, f"{SLUG}/english/index.html")
    assert '<a href="../en/lien-he/">Contact us</a>' in page and '<a href="../km/gioi-thieu/">ឃុំ តាន់ថាញ់</a>' in page


def test_the_english_catalogue_translates_every_interface_string():
    assert i18n.untranslated("en", PROFILE) == []


def test_the_catalogue_template_is_up_to_date():
    from babel.messages.pofile import read_po

    with (i18n.CATALOGUES / "messages.pot").open("rb") as handle:
        committed = {message.id for message in read_po(handle) if message.id}
    current = {message.id for message in i18n.source_catalog(PROFILE) if message.id}
    assert current == committed, "chạy lại 'invoke i18n'"


def test_the_search_of_a_language_searches_its_own_pages(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + "phuong-dong-hai/en/tim-kiem/?q=organisation")
    page.wait_for_selector("#trang-thai:has-text('results for')")
    found = page.locator("#ket-qua li h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "/phuong-dong-hai/en/gioi-thieu/to-chuc-bo-may/" in found
    assert all("/en/" in url for url in found)
    page.close()


def test_every_demo_page_declares_its_language(demo_build):
    _, output = demo_build
    for path in walk(output, "*.html"):
        if "admin" in path.parts:
            continue
        lang = re.search(r'<html lang="([a-z]+)"', path.read_text(encoding="utf-8"))[1]
        expected = next((code for code in ("en", "km") if f"/{code}/" in f"/{path.relative_to(output).as_posix()}"), "vi")
        assert lang == expected, path
