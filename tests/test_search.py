"""Search over the real built index of the demo (Pagefind, queried by the search page in headless Chromium):
Vietnamese found however it is typed — with or without accents, with d for đ — excerpts as written, exact accents
first, documents by number, filters by category and by commune, and a page that explains itself without script."""

import json
import re

import pytest

from trangxa_search.twins import MARK, html_with_twins, twin, with_twins
from helpers import walk

COMMUNE = "phuong-dong-hai/"
RA_QUAN = "/phuong-dong-hai/tin-tuc/2026-09-22-ra-quan-ve-sinh-moi-truong/"
BI_THU = "/phuong-dong-hai/gioi-thieu/lanh-dao/tran-quoc-hung/"  # "Bí thư Đảng ủy phường"


def search(browser, site: str, query: str, every_page: bool = False, **filters) -> list[dict]:
    """Type the query into the search page as a reader would; returns the results shown, in order (of the first
    page of results, or of ``every_page``, turned one after the other)."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(site + "tim-kiem/")
    for name, value in filters.items():
        page.focus(f"#loc-{name}")  # the search loads as the reader starts to use the form
        page.wait_for_selector(f"#loc-{name} option:text-is('{value}')", state="attached")
        page.select_option(f"#loc-{name}", value)
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector("#trang-thai:has-text('kết quả')")
    results = shown(page)
    while every_page and page.locator(".results-pager [data-step='1']").is_enabled():
        page.click(".results-pager [data-step='1']")
        page.wait_for_function("last => ![...document.querySelectorAll('#ket-qua h2 a')]"
                               ".some(a => a.getAttribute('href') === last)", arg=results[-1]["url"])
        results += shown(page)
    page.close()
    assert errors == []  # the CSP lets the search run: its WebAssembly, its worker, its index files
    return results


def shown(page) -> list[dict]:
    return [{"url": item.locator("h2 a").get_attribute("href"), "title": item.locator("h2").inner_text(),
             "meta": item.locator(".meta").inner_text(), "excerpt": item.locator(".excerpt").inner_html()}
            for item in page.locator("#ket-qua li").all()]


def urls(results: list[dict]) -> list[str]:
    return [result["url"] for result in results]


@pytest.mark.parametrize("query", ["doan thanh nien", "Đoàn Thanh niên", "ĐOÀN thanh NIÊN", "đoàn thanh niên"])
def test_doan_thanh_nien_is_found_however_it_is_typed(browser, demo_site, query):
    results = search(browser, demo_site + COMMUNE, query)
    assert urls(results)[0] == RA_QUAN  # the page with the phrase comes first
    assert "<mark>Đoàn</mark>" in results[0]["excerpt"]  # the word as written is highlighted, not its twin
    assert all(MARK not in result["excerpt"] + result["title"] for result in results)


def test_doan_alone_in_capitals_finds_every_page_with_doan(browser, demo_site):
    found = urls(search(browser, demo_site + COMMUNE, "ĐOÀN"))
    assert RA_QUAN in found and "/phuong-dong-hai/gioi-thieu/to-chuc-bo-may/" in found


def test_dang_uy_typed_without_accents_finds_the_party_committee(browser, demo_site):
    results = search(browser, demo_site + COMMUNE, "dang uy", every_page=True)
    assert BI_THU in urls(results)
    leader = next(result for result in results if result["url"] == BI_THU)
    assert "<mark>Đảng</mark>" in leader["excerpt"] and MARK not in leader["excerpt"]


def test_duong_finds_duong_and_duong_with_d_and_the_exact_accent_first(browser, demo_site):
    folded = urls(search(browser, demo_site + COMMUNE, "duong"))
    assert "/phuong-dong-hai/tin-tuc/2026-11-19-ky-niem-ngay-nha-giao-viet-nam/" in folded  # "tuyên dương"
    assert "/phuong-dong-hai/cong-khai/du-an-dau-tu/du-an-nang-cap-duong-kenh-xang/" in folded  # "đường": its twin
    exact = search(browser, demo_site + COMMUNE, "đường")
    assert "đường" in exact[0]["excerpt"].lower()
    duong = search(browser, demo_site + COMMUNE, "dương")
    holds = ["dương" in re.sub(r"</?mark>", "", result["excerpt"]).lower() for result in duong]
    assert holds[0] and holds == sorted(holds, reverse=True)  # pages with "dương" before those with only đường


def test_documents_are_found_by_number_and_by_summary(browser, demo_site):
    assert urls(search(browser, demo_site + COMMUNE, "112/QĐ-UBND"))[0] == "/phuong-dong-hai/van-ban/112-qd-ubnd-2026/"
    assert urls(search(browser, demo_site + COMMUNE, "112 qd ubnd"))[0] == "/phuong-dong-hai/van-ban/112-qd-ubnd-2026/"
    found = search(browser, demo_site + COMMUNE, "quy che lam viec nhiem ky 2026")
    assert urls(found)[0] == "/phuong-dong-hai/van-ban/112-qd-ubnd-2026/"
    assert "Văn bản · 12/06/2026" in found[0]["meta"]


def test_results_narrow_by_category(browser, demo_site):
    documents = search(browser, demo_site + COMMUNE, "ubnd", **{"chuyen-muc": "Văn bản"})
    assert documents and all("/van-ban/" in url for url in urls(documents))


def test_the_provincial_search_finds_documents_of_every_commune_in_one_index(browser, demo_site):
    everywhere = search(browser, demo_site, "ubnd")
    communes = {url.split("/")[1] for url in urls(everywhere)}
    assert len(communes) >= 3
    one = search(browser, demo_site, "ubnd", xa="Xã Đất Mới")
    assert one and {url.split("/")[1] for url in urls(one)} == {"xa-dat-moi"}
    assert all(result["meta"].startswith("Xã Đất Mới") for result in one)
    assert all("/van-ban/" in url or "/thu-tuc-hanh-chinh/" in url for url in urls(everywhere + one))


def test_the_provincial_index_holds_each_communes_documents_and_procedures(browser, demo_site, demo_build):
    _, output = demo_build
    expected = {}
    for listing in output.glob("*/trangxa-search.json"):
        entries = json.loads(listing.read_text(encoding="utf-8"))
        name = json.loads((listing.parent / "trangxa.json").read_text(encoding="utf-8"))["name"]
        expected[name] = len(entries)
        assert entries and all(e["url"].split("/")[1] in ("van-ban", "thu-tuc-hanh-chinh") for e in entries)
    page = browser.new_page()
    page.goto(demo_site + "tim-kiem/")
    counts = page.evaluate("""async () => { const pf = await import(new URL('../pagefind/pagefind.js', location).href);
        await pf.options({baseUrl: '/'}); return (await pf.filters()).xa; }""")
    page.close()
    assert len(expected) == 6 and counts == expected


def test_documents_and_procedures_come_before_news_and_budget_pages(browser, demo_site):
    decisions = search(browser, demo_site + COMMUNE, "quyet dinh")
    assert all(r["title"].startswith("Quyết định ") and "/van-ban/" in r["url"] for r in decisions[:5])
    civil_status = search(browser, demo_site + COMMUNE, "ho tich")
    assert "/thu-tuc-hanh-chinh/" in civil_status[0]["url"] and "/thu-tuc-hanh-chinh/" in civil_status[1]["url"]
    assert urls(search(browser, demo_site, "quyet dinh"))[0].split("/")[2] == "van-ban"


def test_pages_for_staff_are_not_in_the_citizens_search(browser, demo_site):
    assert search(browser, demo_site, "huong dan cap nhat") == []
    assert all("/trang/huong-dan-cap-nhat/" not in url for url in urls(search(browser, demo_site, "trang")))


def test_without_script_the_search_page_says_why_and_links_the_sitemap(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + COMMUNE + "tim-kiem/?q=doan")
    assert page.get_by_text("Tìm kiếm cần trình duyệt bật JavaScript").is_visible()
    page.get_by_role("link", name="Sơ đồ trang").first.click()
    assert page.url.endswith("/phuong-dong-hai/so-do-trang/") and page.locator("h1").inner_text() == "Sơ đồ trang"
    context.close()


def test_every_page_has_a_search_form_that_works_without_script(demo_build):
    _, output = demo_build
    home = (output / COMMUNE / "index.html").read_text(encoding="utf-8")
    assert '<form class="site-search" role="search" action="./tim-kiem/" method="get">' in home
    assert '<input id="tim-nhanh" name="q" type="search"' in home


def test_twins_double_only_words_with_d_bar():
    assert twin("Đoàn") == "Doàn" and twin("112/QĐ-UBND") == "112/QD-UBND"
    assert with_twins("Đoàn Thanh niên", 0.5) == f'Đoàn <span data-pagefind-weight="0.5">{MARK}Doàn</span> Thanh niên'
    assert with_twins("dương lịch", 0.5) == "dương lịch"
    html = '<h1 class="x">Đảng ủy</h1><p><a href="/đ">đường</a></p>'
    assert html_with_twins(html) == (f'<h1 class="x">Đảng <span data-pagefind-weight="3.5">{MARK}Dảng</span> ủy</h1>'
                                     f'<p><a href="/đ">đường <span data-pagefind-weight="0.5">{MARK}dường</span></a></p>')


def test_the_index_is_per_commune_and_the_published_pages_carry_no_twins(demo_build):
    _, output = demo_build
    for slug in ("phuong-dong-hai", "xa-dat-moi"):
        assert (output / slug / "pagefind" / "pagefind-entry.json").is_file()
        assert not (output / slug / "pagefind" / "pagefind-ui.js").exists()  # only what the search page uses
    assert all(MARK not in page.read_text(encoding="utf-8") for page in walk(output, "*.html"))
