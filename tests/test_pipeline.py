"""One pipeline: ``check`` and ``build`` read and check a commune the same way and report the same findings; each
file is read once per build; a commune that cannot be built is never half-published, and is shown as failed."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path, PurePosixPath

from fixtures import DONG_HAI, TAN_THANH, commune, communes
from helpers import ROOT, TODAY, read, scratch_province, walk, write_tree
from test_bad_input import CASES, CORPUS
from trangxa.options import BuildOptions
from trangxa.runs import build, check

REALISTIC = ROOT / "tests" / "fixtures" / "realistic"


def key(finding) -> tuple:
    return (finding.commune, finding.file, finding.line or 0, finding.column or 0, finding.rule, finding.severity,
            finding.basis, finding.message, finding.fix)


def commune_findings(result) -> list[tuple]:
    return sorted(key(finding) for site in result.communes for finding in site.findings)


def checked_findings(checked) -> list[tuple]:
    return sorted(key(finding) for commune in checked for finding in commune.findings)


def test_check_and_build_agree_on_the_demo(demo_build):
    result, _ = demo_build
    checked = check(BuildOptions(communes_dir=ROOT / "communes", as_of=TODAY, jobs=2))
    assert commune_findings(result) == checked_findings(checked)
    assert len(checked_findings(checked)) > 10  # the demo's incomplete and stale communes have gaps


def corpus_province(tmp_path: Path) -> BuildOptions:
    """Every file of the bad-input corpus in one commune, each where staff would put it (under its own name)."""
    files = {**communes(TAN_THANH)}
    for name, place, _, _ in CASES:
        folder, suffix = PurePosixPath(place).parent, PurePosixPath(place).suffix
        files[f"xa-tan-thanh/{folder}/{PurePosixPath(name).stem}{suffix}"] = (CORPUS / name).read_bytes()
    return scratch_province(tmp_path, files)


def test_check_and_build_agree_on_the_bad_input_corpus(tmp_path):
    options = corpus_province(tmp_path)
    result = build(options)
    findings = commune_findings(result)
    assert findings == checked_findings(check(options))
    assert {"yaml-syntax", "encoding", "bad-image", "unsafe-html", "personal-id"} <= {f[4] for f in findings}


def test_check_and_build_agree_on_the_realistic_corpus(tmp_path):
    options = BuildOptions(communes_dir=REALISTIC / "communes", province_file=REALISTIC / "province.yml",
                           output=tmp_path / "output", as_of=TODAY, jobs=2)
    result = build(options)
    assert result.failed == []
    assert commune_findings(result) == checked_findings(check(options))


def test_each_content_file_is_read_once_per_build(tmp_path, monkeypatch):
    """Counted across the commune processes: every read appends the file's path to a log."""
    from trangxa.read import items, sources

    log = tmp_path / "reads.log"
    original = sources.read_source

    def counted(path):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{path}\n")
        return original(path)

    monkeypatch.setattr(items, "read_source", counted)
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI))
    build(replace(options, jobs=2))
    reads = log.read_text(encoding="utf-8").splitlines()
    content = [str(path) for path in walk(options.communes_dir) if path.suffix in (".md", ".yml")
               and path.name != "commune.yml"]
    shared = [str(path) for folder in ("chung", "tinh") for path in (options.content_dir / folder).glob("*.md")]
    assert sorted(reads) == sorted(content + shared)  # the pages every site carries: once, not once a commune


def test_a_commune_whose_build_raises_keeps_its_last_good_site_and_is_shown_failed(tmp_path, monkeypatch):
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI))
    build(options)
    good = (options.output / "xa-tan-thanh" / "index.html").read_bytes()
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay_dang: 19/11/2026\n---\n"})
    from trangxa_site import generator

    def broken(self, write, section):
        if self.job.commune.slug == "xa-tan-thanh":
            raise OSError("hết dung lượng đĩa")
        return original(self, write, section)

    original = generator.CommuneGenerator._write_section
    monkeypatch.setattr(generator.CommuneGenerator, "_write_section", broken)
    result = build(options)
    failed = next(site for site in result.communes if site.name == "xa-tan-thanh")
    assert not failed.built and failed.kept_previous
    assert [f.rule for f in failed.findings if f.rule == "build-failed"] == ["build-failed"]
    assert (options.output / "xa-tan-thanh" / "index.html").read_bytes() == good
    assert not (options.output / "xa-tan-thanh" / "tin-tuc" / "moi").exists()  # nothing of the failed build
    assert (options.output / "phuong-dong-hai" / "index.html").is_file()


def test_a_commune_that_never_built_is_listed_as_failed_everywhere(tmp_path, monkeypatch):
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI))
    from trangxa_site import generator

    def broken(self, write):
        if self.job.commune.slug == "xa-tan-thanh":
            raise ValueError("lỗi thử")
        return original(self, write)

    original = generator.CommuneGenerator.generate_output
    monkeypatch.setattr(generator.CommuneGenerator, "generate_output", broken)
    result = build(replace(options, as_of=dt.date(2026, 11, 20)))
    assert result.failed == ["xa-tan-thanh"]
    assert not (options.output / "xa-tan-thanh").exists()
    home = read(options.output, "index.html")
    assert "Chưa tạo được trang" in home and "Xã Tân Thành" in home and "lỗi thử" in home
    dashboard = read(options.output, "tinh-trang/index.html")
    assert "Chưa tạo được trang" in dashboard
    report = read(options.output, "bao-cao/2026Q3/index.html")
    assert "Xã Tân Thành" in report and "không tạo được trang" in report


def test_a_crash_in_one_commune_is_a_finding_at_the_file_and_the_others_build(tmp_path, monkeypatch):
    """A parser that kills its process (as libyaml did on deep nesting) takes down that commune only."""
    from trangxa.read import items

    original = items.read_source

    def crashing(path):
        if path.name == "ra-quan.md" and "xa-tan-thanh" in str(path):
            os.kill(os.getpid(), 11)  # SIGSEGV
        return original(path)

    monkeypatch.setattr(items, "read_source", crashing)
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI))
    result = build(options)
    crashed = next(site for site in result.communes if site.name == "xa-tan-thanh")
    assert [(f.rule, f.file) for f in crashed.findings] == [("build-crashed", "xa-tan-thanh/tin-tuc/ra-quan.md")]
    assert "SIGSEGV" in crashed.findings[0].message
    assert (options.output / "phuong-dong-hai" / "index.html").is_file()
    checked = {c.slug: c for c in check(options)}
    assert [f.rule for f in checked["xa-tan-thanh"].findings] == ["build-crashed"]


def test_a_commune_that_hangs_is_stopped_and_the_build_ends(tmp_path, monkeypatch):
    import time

    from trangxa.read import items

    original = items.read_source

    def hanging(path):
        if "xa-tan-thanh" in str(path):
            time.sleep(3600)
        return original(path)

    monkeypatch.setattr(items, "read_source", hanging)
    options = replace(scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI)), timeout=5)
    started = time.monotonic()
    result = build(options)
    assert time.monotonic() - started < 120
    hung = next(site for site in result.communes if site.name == "xa-tan-thanh")
    assert [f.rule for f in hung.findings] == ["build-timeout"] and hung.findings[0].file.startswith("xa-tan-thanh/")
    assert (options.output / "phuong-dong-hai" / "index.html").is_file()


def test_filter_values_spelled_two_ways_share_one_page_with_a_warning(tmp_path):
    files = communes(TAN_THANH)
    procedure = commune()["xa-tan-thanh/thu-tuc-hanh-chinh/dang-ky-khai-sinh.yml"]
    files["xa-tan-thanh/thu-tuc-hanh-chinh/khai-tu.yml"] = procedure.replace("1.001193", "1.000656").replace(
        "Đăng ký khai sinh", "Đăng ký khai tử").replace("Hộ tịch", "Hộ Tịch")
    options = scratch_province(tmp_path, files)
    result = build(options)
    warned = [f for f in result.findings if f.rule == "filter-spelling"]
    assert [(f.file, f.line) for f in warned] == [("xa-tan-thanh/thu-tuc-hanh-chinh/khai-tu.yml", 3)]
    assert "Hộ tịch" in warned[0].message and "dang-ky-khai-sinh.yml" in warned[0].message
    page = read(options.output, "xa-tan-thanh/thu-tuc-hanh-chinh/loc/linh-vuc/ho-tich/index.html")
    assert "Đăng ký khai sinh" in page and "Đăng ký khai tử" in page
    assert [f.rule for f in check(options)[0].findings if f.rule == "filter-spelling"] == ["filter-spelling"]


def test_two_files_one_page_are_both_named_before_any_build(tmp_path):
    files = communes(TAN_THANH)
    files["xa-tan-thanh/tin-tuc/ra-quan.yml"] = "tieu_de: Trùng\nngay_dang: 18/11/2026\n"
    files["xa-tan-thanh/tin-tuc/trang-2.md"] = "---\ntieu_de: Trang hai\nngay_dang: 18/11/2026\n---\n"
    options = scratch_province(tmp_path, files)
    found = {(f.rule, f.file): f.message for f in check(options)[0].findings}
    assert "tin-tuc/ra-quan.md" in found[("duplicate-slug", "xa-tan-thanh/tin-tuc/ra-quan.yml")]
    assert "trang-2" in found[("reserved-slug", "xa-tan-thanh/tin-tuc/trang-2.md")]
    result = build(options)
    assert result.failed == [] and "Ra quân" in read(options.output, "xa-tan-thanh/tin-tuc/ra-quan/index.html")


def test_pelican_is_given_one_typed_job(tmp_path, monkeypatch):
    """Every run's settings carry one key of ours, holding a frozen job (logged to a file: communes run in
    processes of their own)."""
    from trangxa.build import render
    from trangxa.build.jobs import SETTINGS_KEY

    log = tmp_path / "jobs.log"
    original = render._run

    def spy(settings):
        job = settings[SETTINGS_KEY]
        ours = sorted(k for k in settings if k.upper().startswith("TRANGXA"))
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{type(job).__name__} {ours} {job.__dataclass_params__.frozen}\n")
        return original(settings)

    monkeypatch.setattr(render, "_run", spy)
    build(scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI)))
    assert sorted(log.read_text(encoding="utf-8").splitlines()) == [
        "CommuneJob ['TRANGXA'] True", "CommuneJob ['TRANGXA'] True", "IndexJob ['TRANGXA'] True"]
