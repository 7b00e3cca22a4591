"""The bad-input corpus (tests/corpus/): each file, placed where staff would put it, gives the located finding
we promise — never a traceback, never silence — and the rest of the commune still builds."""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures import commune
from helpers import build_scratch, commune_files, read
from trangxa.law.findings import ProblemError
from trangxa.read.items import read_item
from trangxa.law.loading import load_profile

from pathlib import Path

CORPUS = Path(__file__).with_name("corpus")
PROFILE = load_profile("nd224-2026")

# corpus file, where it goes in the commune, the findings it must give (rule, line), published as a page?
CASES = [
    ("front-matter-missing.md", "tin-tuc/a.md", {("front-matter-missing", 1)}, False),
    ("front-matter-unclosed.md", "tin-tuc/a.md", {("front-matter-unclosed", 1)}, False),
    ("front-matter-not-yaml.md", "tin-tuc/a.md", {("yaml-syntax", 2)}, False),
    ("front-matter-list.md", "tin-tuc/a.md", {("yaml-not-mapping", 2)}, False),
    ("front-matter-wrong-type.md", "tin-tuc/a.md", {("wrong-type", 2)}, True),
    ("front-matter-duplicate.md", "tin-tuc/a.md", {("yaml-duplicate-key", 4)}, False),
    ("front-matter-tab.md", "tin-tuc/a.md", {("yaml-tab", 3)}, False),
    ("date-slashes.md", "tin-tuc/a.md", set(), True),
    ("session-bad-date.yml", "tiep-cong-dan/a.yml", {("bad-date", 1), ("missing-title", 1)}, True),
    ("date-dashes.md", "tin-tuc/a.md", set(), True),
    ("date-impossible.md", "tin-tuc/a.md", {("bad-date", 3)}, True),
    ("date-ambiguous.md", "tin-tuc/a.md", {("ambiguous-date", 3)}, True),
    ("empty.md", "tin-tuc/a.md", {("empty-file", 1)}, False),
    ("whitespace-only.yml", "van-ban/a.yml", {("empty-file", 1)}, False),
    ("bom-crlf.md", "tin-tuc/a.md", set(), True),
    ("nfd.md", "tin-tuc/a.md", {("nfd-text", 2)}, True),
    ("windows-1258.md", "tin-tuc/a.md", {("encoding", 2)}, False),
    ("tcvn3-bytes.md", "tin-tuc/a.md", {("encoding", 2)}, False),
    ("tcvn3-pasted.md", "tin-tuc/a.md", {("legacy-text", 5)}, True),
    ("binary.md", "tin-tuc/a.md", {("binary-file", 1)}, False),
    ("program.exe", "van-ban/setup.exe", {("unexpected-file", None)}, False),
    ("not-an-image.jpg", "tin-tuc/anh.jpg", {("bad-image", None)}, False),
    ("decompression-bomb.png", "tin-tuc/anh.png", {("bad-image", None)}, False),
    ("so-ky-hieu-sai.yml", "van-ban/a.yml", {("bad-format", 1), ("file-outside", 8)}, True),
    ("personal-data.yml", "cong-khai/an-sinh-xa-hoi/a.yml", {("personal-id", 6), ("personal-phone", 7)}, True),
    ("hostile.md", "tin-tuc/a.md", {("unsafe-html", 7), ("unsafe-html", 9), ("unsafe-html", 11), ("unsafe-html", 13)},
     True),
]


def base():
    return {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")}


@pytest.mark.parametrize("name, place, expected, published", CASES, ids=[case[0] for case in CASES])
def test_corpus_file_gives_its_located_finding(tmp_path, name, place, expected, published):
    files = base()
    files[f"xa-tan-thanh/{place}"] = (CORPUS / name).read_bytes()
    result, output = build_scratch(tmp_path, files)
    found = {(f.rule, f.line) for f in result.findings if f.file == f"xa-tan-thanh/{place}"}
    assert found == expected
    assert result.failed == []
    page = output / "xa-tan-thanh" / Path(place).parent / Path(place).stem / "index.html"
    target = page if place.endswith((".md", ".yml")) else output / "xa-tan-thanh" / place
    assert target.is_file() is published
    assert "Ra quân vệ sinh môi trường" in read(output, "xa-tan-thanh/tin-tuc/ra-quan/index.html")


def test_a_huge_content_file_is_refused(tmp_path):
    files = base()
    files["xa-tan-thanh/tin-tuc/khong-lo.md"] = "---\ntieu_de: Lớn\n---\n" + "Nội dung lặp lại. " * 70_000
    result, _ = build_scratch(tmp_path, files)
    assert [(f.rule, f.file) for f in result.findings if f.rule == "file-too-large"] == [
        ("file-too-large", "xa-tan-thanh/tin-tuc/khong-lo.md")]


def test_file_names_with_spaces_and_diacritics_get_ascii_urls(tmp_path):
    files = base()
    files["xa-tan-thanh/tin-tuc/Lễ hội Nghinh Ông 2026.md"] = "---\ntieu_de: Lễ hội\nngay_dang: 19/11/2026\n---\n"
    files["xa-tan-thanh/tin-tuc/lễ hội.jpg"] = commune()["xa-tan-thanh/tin-tuc/ra-quan.jpg"]
    result, output = build_scratch(tmp_path, files)
    assert (output / "xa-tan-thanh/tin-tuc/le-hoi-nghinh-ong-2026/index.html").is_file()
    assert (output / "xa-tan-thanh/tin-tuc/lễ hội.jpg").is_file()


def test_a_link_outside_the_commune_is_refused(tmp_path):
    files = base()
    files["xa-khac/commune.yml"] = commune_files("xa-khac", "Xã Khác")["xa-khac/commune.yml"]
    files["xa-khac/van-ban/mat.pdf"] = b"%PDF-1.4 secret"
    from helpers import scratch_province
    from trangxa.runs import build

    options = scratch_province(tmp_path, files)
    (options.communes_dir / "xa-tan-thanh/van-ban/mat.pdf").symlink_to(options.communes_dir / "xa-khac/van-ban/mat.pdf")
    (options.communes_dir / "xa-tan-thanh/van-ban/passwd").symlink_to("/etc/passwd")
    result = build(options)
    refused = {(f.file, f.rule) for f in result.findings if f.commune == "xa-tan-thanh"}
    assert {("xa-tan-thanh/van-ban/mat.pdf", "file-outside"), ("xa-tan-thanh/van-ban/passwd", "file-outside")} <= refused
    assert not (options.output / "xa-tan-thanh/van-ban/mat.pdf").exists()
    assert not (options.output / "xa-tan-thanh/van-ban/passwd").exists()


def test_fix_encoding_converts_only_when_asked_and_keeps_a_backup(tmp_path):
    from trangxa.read import fixencoding

    communes = tmp_path / "communes"
    for name in ("windows-1258.md", "tcvn3-bytes.md", "tcvn3-pasted.md", "nfd.md", "date-slashes.md"):
        target = communes / "xa-tan-thanh" / "tin-tuc" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, target)
    fixes = fixencoding.plan(communes)
    assert {(f.path.name, f.kind) for f in fixes} == {("windows-1258.md", "windows-1258"), ("tcvn3-bytes.md", "tcvn3"),
                                                     ("tcvn3-pasted.md", "tcvn3-pasted"), ("nfd.md", "nfd")}
    before = (communes / "xa-tan-thanh/tin-tuc/windows-1258.md").read_bytes()
    fixencoding.apply(fixes, communes)
    folder = communes / "xa-tan-thanh/tin-tuc"
    assert (folder / "windows-1258.md").read_text(encoding="utf-8").startswith("---\ntieu_de: Ủy ban nhân dân xã Tân Thành")
    assert "ủy ban nhân dân xã Tân Thành" in (folder / "tcvn3-bytes.md").read_text(encoding="utf-8")
    assert "Hội nghị tổng kết công tác năm của ủy ban nhân dân." in (folder / "tcvn3-pasted.md").read_text(encoding="utf-8")
    assert (communes / "xa-tan-thanh/.trangxa-backup/tin-tuc/windows-1258.md").read_bytes() == before
    assert fixencoding.plan(communes) == []


# Fuzzing the readers: whatever the bytes, reading an item gives an item or a located problem, never an exception.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
header = st.dictionaries(st.sampled_from(["tieu_de", "ngay_dang", "tom_tat", "the", "x"]),
                         st.one_of(texts, st.lists(texts, max_size=3), st.dictionaries(texts, texts, max_size=2)),
                         max_size=5)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("utf-8"))))
def test_fuzz_any_bytes(tmp_path, raw):
    _read_or_problem(tmp_path, "tin-tuc/a.md", raw)
    _read_or_problem(tmp_path, "van-ban/a.yml", raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=header, body=texts)
def test_fuzz_front_matter(tmp_path, data, body):
    import yaml

    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    _read_or_problem(tmp_path, "tin-tuc/a.md", text.encode("utf-8"))
    _read_or_problem(tmp_path, "gioi-thieu/lanh-dao/a.yml", yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


def _read_or_problem(root: Path, rel: str, raw: bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    try:
        item = read_item(root, rel, PROFILE.category_for(str(Path(rel).parent)).slug, PROFILE)
    except ProblemError as err:
        assert err.problem.rule
    else:
        assert item.rel == rel and all(p.rule for p in item.problems)
