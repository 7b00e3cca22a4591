"""WCAG 2.1 AA on every page type of the demo, checked by axe-core (npm, vendored by ``npm ci``) in headless
Debian Chromium; keyboard use (skip link, visible focus, shortcut keys); reflow at 320 px; the reader's text size
and high contrast; print without navigation."""


import pytest

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [  # one of every page type the build writes
    "phuong-dong-hai/",  # commune home
    "phuong-dong-hai/tin-tuc/",  # a listing of articles
    "phuong-dong-hai/tin-tuc/2026-10-06-dien-tap-phong-thu-dan-su/",  # an article with a document card
    "phuong-dong-hai/van-ban/",  # the registry
    "phuong-dong-hai/van-ban/loc/loai-van-ban/quyet-dinh/",  # a filter page
    "phuong-dong-hai/van-ban/cu-nhat/",  # the registry oldest first
    "phuong-dong-hai/van-ban/58-qd-ubnd-2025/",  # a document, replaced
    "phuong-dong-hai/gioi-thieu/",  # a category with sub-categories and its own text
    "phuong-dong-hai/gioi-thieu/lanh-dao/",  # leaders
    "phuong-dong-hai/gioi-thieu/lanh-dao/tran-quoc-hung/",  # a leader
    "phuong-dong-hai/thu-tuc-hanh-chinh/",  # procedures table
    "phuong-dong-hai/tiep-cong-dan/",  # reception schedule
    "phuong-dong-hai/ngan-sach/thuc-hien/",  # budget reports
    "phuong-dong-hai/cong-khai/an-sinh-xa-hoi/ho-tro-thiet-hai-trieu-cuong-10-2026/",  # a disclosure
    "phuong-dong-hai/lay-y-kien/2026-11-16-du-thao-ke-hoach-kt-xh-2027/",  # an open consultation
    "phuong-dong-hai/hoi-dap/",  # questions and answers
    "phuong-dong-hai/hoi-dap/2026-11-10-tro-cap-nguoi-cao-tuoi-75-tuoi/",  # an answer
    "phuong-dong-hai/thu-vien-anh/",  # albums
    "phuong-dong-hai/thu-vien-anh/2026-11-ngay-hoi-dai-doan-ket/",  # an album
    "phuong-dong-hai/thu-vien-anh/2026-11-ngay-hoi-dai-doan-ket/van-nghe-khu-pho-5/",  # a photo
    "phuong-dong-hai/video/2026-10-phong-su-dien-tap/",  # a local video
    "phuong-dong-hai/video/2026-11-huong-dan-vneid/",  # a YouTube video
    "phuong-dong-hai/tiep-can-thong-tin/",  # the generated disclosure list
    "phuong-dong-hai/tiep-can-thong-tin/quy/",  # the quarterly register
    "phuong-dong-hai/english/",  # the other languages
    "phuong-dong-hai/en/",  # a language's home
    "phuong-dong-hai/en/lien-he/",  # a translated record
    "xa-thoi-binh/km/gioi-thieu/",  # Khmer
    "phuong-dong-hai/tim-kiem/",  # search
    "phuong-dong-hai/so-do-trang/",  # sitemap
    "phuong-dong-hai/tinh-trang-cap-nhat/",  # status
    "phuong-dong-hai/trang/kha-nang-tiep-can/",  # a page every site carries
    "phuong-dong-hai/404.html",
    "xa-dat-moi/gioi-thieu/lanh-dao/",  # an empty required category
    "",  # the provincial index
    "tinh-trang/",  # the dashboard
    "bao-cao/2026Q3/",  # the quarterly report
    "trang/thong-bao-kiem-tra/",  # every check message
    "trang/huong-dan-cap-nhat/",  # the staff guide
    "tim-kiem/",  # the provincial search
]


def axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.fixture(scope="module")
def audit(browser):
    """A context that lets axe's script in (the pages' CSP forbids inline script, rightly)."""
    assert AXE.is_file(), "run npm ci first (axe-core)"
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    yield context
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_no_wcag_violation_on_a_phone(audit, demo_site, url):
    page = audit.new_page()
    page.goto(demo_site + url, wait_until="networkidle")
    if url.endswith("tim-kiem/"):  # the search page with results shown
        page.fill("#q", "ubnd")
        page.press("#q", "Enter")
        page.wait_for_selector("#trang-thai:has-text('kết quả')")
    assert axe(page) == [], url
    page.close()


@pytest.mark.parametrize("url", ["phuong-dong-hai/", "phuong-dong-hai/van-ban/", "phuong-dong-hai/tin-tuc/",
                                 "phuong-dong-hai/video/2026-11-huong-dan-vneid/", "phuong-dong-hai/tim-kiem/"])
def test_no_wcag_violation_in_high_contrast_with_large_text_on_a_desktop(browser, demo_site, url):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(demo_site + url, wait_until="networkidle")
    page.click("[data-contrast]")
    for _ in range(3):
        page.click("[data-text='1']")
    classes = page.evaluate("[...document.documentElement.classList]")
    assert sorted(classes) == ["contrast", "text-3"]
    assert axe(page) == [], url
    context.close()


def test_the_skip_link_comes_first_is_visible_on_focus_and_leads_to_the_content(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + "phuong-dong-hai/tin-tuc/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip", "Bỏ qua, đến nội dung chính"]
    box = page.locator(".skip").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 10  # on screen while focused
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    page.close()


def test_every_control_shows_where_the_keyboard_is(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + "phuong-dong-hai/van-ban/")
    outlines = []
    for _ in range(12):
        page.keyboard.press("Tab")
        outlines.append(page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"""))
    assert all(style != "none" and width != "0px" for _, style, width in outlines), outlines
    page.close()


@pytest.mark.parametrize("key, where", [("1", "/phuong-dong-hai/"), ("3", "/phuong-dong-hai/so-do-trang/"),
                                        ("0", "/phuong-dong-hai/trang/kha-nang-tiep-can/")])
def test_shortcut_keys_lead_home_to_the_sitemap_and_the_accessibility_statement(browser, demo_site, key, where):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_site + "phuong-dong-hai/van-ban/")
    with page.expect_navigation():
        page.keyboard.press(f"Alt+{key}")
    assert page.url.endswith(where)
    page.close()


def test_the_search_shortcut_puts_the_cursor_in_the_search_box(browser, demo_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_site + "phuong-dong-hai/van-ban/")
    page.keyboard.press("Alt+4")
    assert page.evaluate("document.activeElement.id") == "tim-nhanh"
    page.close()


REFLOW = ["phuong-dong-hai/", "phuong-dong-hai/van-ban/", "phuong-dong-hai/tin-tuc/", "phuong-dong-hai/en/lien-he/",
          "phuong-dong-hai/thu-vien-anh/2026-11-ngay-hoi-dai-doan-ket/", "phuong-dong-hai/tim-kiem/", "", "tinh-trang/"]


@pytest.mark.parametrize("url", REFLOW)
@pytest.mark.parametrize("width, text", [(320, "100%"), (640, "100%"), (1280, "200%")])
def test_pages_reflow_and_read_at_200_percent(browser, demo_site, url, width, text):
    """WCAG 1.4.10 and 1.4.4: 320 CSS px is 400% zoom of a 1280 px screen, 640 px is 200% zoom; text at 200% on a
    desktop. Nothing needs scrolling sideways but what is inside a scrollable region (a wide table)."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(demo_site + url, wait_until="networkidle")
    page.evaluate("size => document.documentElement.style.fontSize = size", text)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_the_readers_choice_of_text_size_and_contrast_is_kept_for_the_next_page(browser, demo_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_site + "phuong-dong-hai/")
    page.click("[data-text='1']")
    page.click("text=Tương phản cao")
    assert page.get_attribute("[data-contrast]", "aria-pressed") == "true"
    page.goto(demo_site + "phuong-dong-hai/van-ban/")
    assert sorted(page.evaluate("[...document.documentElement.classList]")) == ["contrast", "text-1"]
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    context.close()


def test_print_shows_the_article_without_navigation(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + "phuong-dong-hai/tin-tuc/2026-10-06-dien-tap-phong-thu-dan-su/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.menu', '.crumbs', '.site-search', '.reader-tools', '.rating', '.footer-links']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    assert page.locator("article h1").is_visible()
    page.close()
