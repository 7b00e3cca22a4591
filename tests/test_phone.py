"""A citizen on a phone, in headless Chromium: nothing moves once a page is painted (layout shift, measured with a
PerformanceObserver), the article's title on the first screen, the home page leads with what citizens come to do,
tables fit (stacked on a phone), document numbers never break, the search pages through all its results, the skip
link stays hidden at the largest text size. And, on the built files: every picture has its size."""

import re

import pytest

from helpers import walk

PHONE = {"width": 390, "height": 844}
SMALL = {"width": 320, "height": 640}
COMMUNE = "phuong-dong-hai/"
ARTICLE = COMMUNE + "tin-tuc/2026-11-12-tap-huan-dich-vu-cong-truc-tuyen/"
SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const entry of list.getEntries()) {
  if (!entry.hadRecentInput) { window.__shifts.push([entry.value, entry.sources.map(s => s.node && s.node.outerHTML
    ? s.node.outerHTML.slice(0, 80) : String(s.node))]); } } }).observe({type: "layout-shift", buffered: true});"""
SETTLED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"""


def settle(page) -> None:
    """Everything the page fetches has arrived and been drawn: the network idle, then two frames."""
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLED)


@pytest.mark.parametrize("url", ["", COMMUNE, ARTICLE, COMMUNE + "van-ban/", COMMUNE + "van-ban/165-qd-ubnd-2026/",
                                 COMMUNE + "tim-kiem/", COMMUNE + "tim-kiem/?q=quyet+dinh",
                                 COMMUNE + "tinh-trang-cap-nhat/", "tinh-trang/", "tim-kiem/"])
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1366, "height": 768}], ids=["390", "1366"])
def test_nothing_moves_once_the_page_is_painted(browser, demo_site, url, viewport):
    """The reader's tools, the registry's filters, the search page's notice and results: their room is in the page
    from the first paint, so the scripts that fill them move nothing (cumulative layout shift 0)."""
    page = browser.new_page(viewport=viewport)
    page.add_init_script(SHIFTS)
    page.goto(demo_site + url)
    if "?q=" in url:
        page.wait_for_selector("#trang-thai:has-text('kết quả')")
    settle(page)
    shifts = page.evaluate("window.__shifts")
    page.close()
    assert sum(value for value, _ in shifts) < 0.001, shifts


def test_an_articles_title_is_on_the_first_screen_of_a_phone(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + ARTICLE)
    box = page.locator("main h1").bounding_box()
    page.close()
    assert box is not None and box["y"] <= 250


def test_the_home_page_leads_with_notices_services_and_reception_and_lists_the_news(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + COMMUNE)
    headings = page.locator("main h2").all_inner_texts()
    first_screen = page.evaluate("[...document.querySelectorAll('main h2')].filter(h => "
                                 "h.getBoundingClientRect().top < innerHeight).map(h => h.textContent.trim())")
    news_items = page.locator(".home-news li").all()
    tallest = max(item.bounding_box()["height"] for item in news_items)
    page.close()
    assert headings[:4] == ["Thông báo", "Dịch vụ công", "Lịch tiếp công dân", "Tin tức, sự kiện"]
    assert "Thông báo" in first_screen
    assert news_items and tallest < 160  # a compact line per news item, not a full-width card


@pytest.mark.parametrize("url", [COMMUNE + "tinh-trang-cap-nhat/", "", COMMUNE + "van-ban/"])
def test_tables_are_stacked_on_a_small_phone_and_nothing_is_cut(browser, demo_site, url):
    page = browser.new_page(viewport=SMALL)
    page.goto(demo_site + url)
    table = page.locator("table.stack").first
    rows = page.evaluate("""() => [...document.querySelectorAll('table.stack tbody tr')].map(row =>
        [getComputedStyle(row).display, row.scrollWidth <= row.clientWidth + 1])""")
    wraps = page.evaluate("[...document.querySelectorAll('.table-wrap')].map(w => w.scrollWidth <= w.clientWidth + 1)")
    labels = page.evaluate("""() => [...document.querySelectorAll('table.stack td[data-label]:not(.cell-title)')].slice(0, 3)
        .map(cell => getComputedStyle(cell, '::before').content)""")
    assert table.is_visible() and rows and all(display == "block" and fits for display, fits in rows), rows
    assert wraps and all(wraps)
    overlaps = page.evaluate("""() => [...document.querySelectorAll('table.stack tbody tr')].flatMap(row => {
        const cells = [...row.children].map(cell => cell.getBoundingClientRect());
        const overlap = (a, b) => a.top < b.bottom - 1 && b.top < a.bottom - 1 && a.left < b.right - 1 && b.left < a.right - 1;
        return cells.slice(1).filter((box, i) => overlap(box, cells[i])).length
          + [...row.children].filter(cell => cell.scrollHeight > cell.clientHeight + 1).length; })""")
    assert labels and all(label not in ("none", "normal", '""') for label in labels), labels
    assert set(overlaps) == {0}  # a cell (and its label, however many lines) ends before the next begins
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]
    page.close()


def test_a_documents_validity_note_stays_in_its_cell_and_numbers_never_break(browser, demo_site):
    page = browser.new_page(viewport=SMALL)
    page.goto(demo_site + COMMUNE + "van-ban/")
    notes = page.evaluate("""() => [...document.querySelectorAll('td[data-label="Trích yếu"] .status')].map(note => {
        const cell = note.closest('td').getBoundingClientRect(), box = note.getBoundingClientRect();
        const label = parseFloat(getComputedStyle(note.closest("td")).paddingLeft);
        return [box.left >= cell.left + label - 1, box.right <= cell.right + 1]; })""")
    numbers = page.evaluate("[...document.querySelectorAll('.doc-number')].map(n => n.getClientRects().length)")
    page.close()
    assert notes and all(inside for pair in notes for inside in pair), notes
    assert numbers and set(numbers) == {1}, numbers


def test_the_dashboard_names_every_column_and_keeps_the_units_name_in_view(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + "tinh-trang/")
    legend = page.locator(".legend li").all_inner_texts()
    headers = page.locator(".dashboard thead th").all_inner_texts()[3:]
    page.locator(".dashboard").evaluate("t => t.closest('.table-wrap').scrollLeft = 600")
    name = page.locator(".dashboard tbody th").first.bounding_box()
    page.close()
    assert len(legend) == len(headers) == 18 and all(len(text) > 3 for text in legend)
    assert [h.split("\n")[0] for h in headers][:3] == ["1", "2", "3"]
    assert name is not None and 0 <= name["x"] < 20  # sticky: still at the left edge after scrolling


def test_the_search_pages_through_every_result(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + COMMUNE + "tim-kiem/?q=ubnd")
    status = page.wait_for_selector("#trang-thai:has-text('kết quả')").inner_text()
    total = int(re.search(r"(\d+) kết quả", status)[1])
    seen = page.locator("#ket-qua h2 a").evaluate_all("links => links.map(a => a.href)")
    while page.locator(".results-pager [data-step='1']").is_enabled():
        first = seen[-1]
        page.click(".results-pager [data-step='1']")
        page.wait_for_function("last => document.querySelector('#ket-qua h2 a') && "
                               "![...document.querySelectorAll('#ket-qua h2 a')].some(a => a.href === last)", arg=first)
        seen += page.locator("#ket-qua h2 a").evaluate_all("links => links.map(a => a.href)")
    page.close()
    assert total > 20  # more than one page: the old page stopped at 20
    assert len(seen) == total and len(set(seen)) == total


def test_the_skip_link_stays_hidden_at_the_largest_text_size_and_the_home_fits(browser, demo_site):
    context = browser.new_context(viewport=SMALL)
    context.add_init_script("localStorage.setItem('trangxa-co-chu', '3')")
    page = context.new_page()
    page.goto(demo_site + COMMUNE)
    settle(page)
    assert page.evaluate("document.documentElement.classList.contains('text-3')")
    box = page.locator(".skip").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 0
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]
    context.close()


def test_an_article_keeps_a_readable_measure_and_its_picture_at_its_size(browser, demo_site):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(demo_site + ARTICLE)
    settle(page)
    width = page.evaluate("document.querySelector('.item > p:not(.meta)').getBoundingClientRect().width")
    picture = page.evaluate("(() => { const img = document.querySelector('.cover img'); "
                            "return [img.getBoundingClientRect().width, img.naturalWidth, img.currentSrc]; })()")
    page.close()
    assert width <= 660  # about 75 characters
    shown, natural, source = picture
    assert shown <= natural and natural < 1000, picture  # never stretched; the rendition that fits, not the largest


def test_every_picture_the_build_writes_has_its_size(demo_build):
    _, output = demo_build
    missing = []
    for page in walk(output, "*.html"):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            if not (re.search(r'\swidth="\d+"', tag) and re.search(r'\sheight="\d+"', tag)):
                missing.append((page.relative_to(output).as_posix(), tag))
    assert missing == []
    guide = (output / "trang/huong-dan-cap-nhat/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<img\b[^>]*\swidth=", guide)) == 2  # the staff guide's two screenshots


def test_the_search_page_loads_the_search_only_when_the_reader_starts(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/pagefind/" in request.url else None)
    page.goto(demo_site + COMMUNE + "tim-kiem/")
    settle(page)
    before = list(fetched)
    page.fill("#q", "khai sinh")
    page.wait_for_selector("#trang-thai:has-text('kết quả')")
    page.close()
    assert before == [] and any(url.endswith("pagefind.js") for url in fetched)
