"""Sharing a page on Zalo or Facebook: a 1200×630 share card for the pages people share that have no picture of
their own (drawn in a bundled font with every Vietnamese letter, cached by content), documents titled with their
type and number, the publication time, the provincial index's picture and description. And the theme's
stylesheets and scripts as published: minified, split by page type."""

import re

from PIL import Image, ImageFont

from trangxa_media import cards
from trangxa_theme.minify import minify_css, minify_js

VIETNAMESE = ("aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ")


def head(output, rel: str) -> str:
    return (output / rel).read_text(encoding="utf-8").split("</head>")[0]


def test_the_bundled_font_has_every_vietnamese_letter():
    font = ImageFont.truetype(str(cards.FONT), 40)
    notdef = font.getmask("\uffff").getbbox()  # what a missing letter is drawn as
    missing = [ch for ch in VIETNAMESE + VIETNAMESE.upper() if font.getmask(ch).getbbox() in (None, notdef)]
    assert missing == []
    assert (cards.FONT.parent / "LICENSE-DejaVu.txt").is_file()


def test_a_card_is_drawn_once_and_copied_after(tmp_path):
    emblem = tmp_path / "emblem.png"
    Image.new("RGB", (128, 128), (200, 30, 30)).save(emblem)
    first = cards.share_card("Đăng ký khai sinh: hướng dẫn", "Xã Tân Thành", emblem, tmp_path / "a", tmp_path / "cache")
    cached = list((tmp_path / "cache").rglob("*.png"))
    stamp = cached[0].stat().st_mtime_ns
    second = cards.share_card("Đăng ký khai sinh: hướng dẫn", "Xã Tân Thành", emblem, tmp_path / "b", tmp_path / "cache")
    other = cards.share_card("Một tiêu đề khác", "Xã Tân Thành", emblem, tmp_path / "c", tmp_path / "cache")
    assert Image.open(first).size == (1200, 630)
    assert first.read_bytes() == second.read_bytes() != other.read_bytes()
    assert len(cached) == 1 and cached[0].stat().st_mtime_ns == stamp  # the second came from the cache
    assert len(list((tmp_path / "cache").rglob("*.png"))) == 2
    assert first.stat().st_ino != cached[0].stat().st_ino  # a copy: writing the output never reaches the cache


def test_an_article_without_a_picture_shares_its_card_and_one_with_a_picture_its_picture(demo_build):
    _, output = demo_build
    rel = "phuong-dong-hai/pho-bien-phap-luat/2026-11-03-ngay-phap-luat-viet-nam-2026/"
    page = head(output, rel + "index.html")
    assert f'<meta property="og:image" content="https://xa.minhhai.gov.vn/{rel}chia-se.png">' in page
    assert '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">' in page
    assert '<meta property="article:published_time" content="2026-11-03">' in page
    assert Image.open(output / rel / "chia-se.png").size == (1200, 630)
    news = head(output, "phuong-dong-hai/tin-tuc/2026-11-19-ky-niem-ngay-nha-giao-viet-nam/index.html")
    assert "chia-se.png" not in news and re.search(r'<meta property="og:image" content="[^"]+\.jpg">', news)


def test_a_document_is_shared_with_its_type_number_and_card(demo_build):
    _, output = demo_build
    rel = "phuong-dong-hai/van-ban/151-qd-ubnd-2026/"
    page = head(output, rel + "index.html")
    assert re.search(r'<meta property="og:title" content="Quyết định 151/QĐ-UBND: [^"]+">', page)
    assert re.search(r"<title>Quyết định 151/QĐ-UBND: ", page)
    assert f'content="https://xa.minhhai.gov.vn/{rel}chia-se.png"' in page
    assert '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">' in page
    assert Image.open(output / rel / "chia-se.png").size == (1200, 630)


def test_the_homes_share_cards_and_the_provincial_index_describes_itself(demo_build):
    _, output = demo_build
    province = head(output, "index.html")
    assert 'content="https://xa.minhhai.gov.vn/chia-se.png"' in province
    description = re.search(r'<meta name="description" content="([^"]+)">', province)[1]
    assert len(description) > 80 and "xã, phường, đặc khu" in description
    home = head(output, "phuong-dong-hai/index.html")
    assert 'content="https://xa.minhhai.gov.vn/phuong-dong-hai/chia-se.png"' in home
    assert Image.open(output / "phuong-dong-hai/chia-se.png").size == (1200, 630)


def test_a_listing_page_gets_no_card(demo_build):
    _, output = demo_build
    assert not (output / "phuong-dong-hai/tin-tuc/chia-se.png").exists()
    assert not (output / "phuong-dong-hai/van-ban/chia-se.png").exists()


def test_the_theme_is_published_minified_and_split_by_page_type(demo_build):
    _, output = demo_build
    theme = output / "phuong-dong-hai/theme"
    css = (theme / "css/site.css").read_text(encoding="utf-8")
    assert "/*" not in css and "\n\n" not in css and len(css.splitlines()) == 1
    article = head(output, "phuong-dong-hai/tin-tuc/2026-11-12-tap-huan-dich-vu-cong-truc-tuyen/index.html")
    registry = head(output, "phuong-dong-hai/van-ban/index.html")
    assert re.findall(r'href="[^"]*theme/css/([a-z]+)\.css"', article) == ["site"]
    assert re.findall(r'href="[^"]*theme/css/([a-z]+)\.css"', registry) == ["site", "tables"]
    assert ".dashboard" not in css and ".news-list" not in css and ".results" not in css  # in their own sheets


def test_the_minifiers_keep_what_matters():
    assert minify_css("a  >  b { color :  red ;  }\n/* why */\n.x { width: calc(100% - 2rem); }\n"
                      "@media (min-width: 48rem) { .y { margin: 0 auto; } }") == \
        "a>b{color :red}.x{width:calc(100% - 2rem)}@media (min-width:48rem){.y{margin:0 auto}}\n"
    assert minify_js("/* header\n   two lines */\n(function () {\n  // a note\n  var a = '/* not a comment */';\n})();\n") == \
        "(function () {\nvar a = '/* not a comment */';\n})();\n"
