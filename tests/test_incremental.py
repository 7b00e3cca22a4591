"""Incremental builds: a commune whose inputs have not changed keeps its published site (one link in the new
release); after no change nothing is written at all; whatever every site shares, and the day, rebuild them all."""

import datetime as dt
import os
import shutil
from dataclasses import replace
from pathlib import Path

from fixtures import DONG_HAI, HON_DA_BAC, TAN_THANH, communes
from helpers import manifest, read, scratch_province, write_tree
from trangxa.build import fingerprint
from trangxa.build.plan import reusable
from trangxa.build.results import SiteResult
from trangxa.runs import build
from trangxa.law.findings import Finding
from trangxa.build.release import STATE, linked_sites, releases_dir

NEWS = "---\ntieu_de: Tin sửa đổi mới nhất\nngay_dang: 19/11/2026\n---\nThân bài đã sửa.\n"


def province(tmp_path):
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI, HON_DA_BAC))
    first = build(options)
    return options, first


def rebuilt(result):
    return {site.name for site in result.communes if not site.reused}


def test_after_no_change_nothing_is_written(tmp_path):
    options, first = province(tmp_path)
    release, files = options.output.resolve(), manifest(options.output)
    state = (releases_dir(options.output) / STATE).stat().st_mtime_ns
    again = build(options)
    assert rebuilt(again) == set()
    assert options.output.resolve() == release
    assert (releases_dir(options.output) / STATE).stat().st_mtime_ns == state
    assert manifest(options.output) == files
    # what the reused run reports is what the build that made the sites reported
    assert [(s.name, s.built, s.findings, s.pages) for s in again.communes] == \
           [(s.name, s.built, s.findings, s.pages) for s in first.communes]
    assert again.index is not None and again.index.built


def test_editing_one_commune_rebuilds_that_commune_only(tmp_path):
    options, _ = province(tmp_path)
    before = linked_sites(options.output)
    write_tree(options.communes_dir, {"phuong-dong-hai/tin-tuc/ra-quan.md": NEWS})
    result = build(options)
    assert rebuilt(result) == {"phuong-dong-hai"}
    after = linked_sites(options.output)
    assert after["phuong-dong-hai"] != before["phuong-dong-hai"]
    assert {k: v for k, v in after.items() if k != "phuong-dong-hai"} == \
           {k: v for k, v in before.items() if k != "phuong-dong-hai"}
    assert "Tin sửa đổi mới nhất" in read(options.output, "phuong-dong-hai/tin-tuc/index.html")
    # the superseded site is gone: only what the release links is kept
    sites = {p.name for p in (releases_dir(options.output) / "sites").iterdir()}
    assert sites == set(after.values())


def test_the_same_content_reused_or_rebuilt_gives_the_same_files(tmp_path):
    options, _ = province(tmp_path / "a")
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/ra-quan.md": NEWS})
    build(options)
    fresh = replace(options, output=tmp_path / "fresh")
    build(fresh)
    assert manifest(options.output) == manifest(fresh.output)


def test_what_every_site_shares_rebuilds_them_all(tmp_path, monkeypatch):
    options, _ = province(tmp_path)
    versions = fingerprint.packages()
    monkeypatch.setattr(fingerprint, "packages", lambda: [*versions, "pelican-0.0.dist-info"])
    assert len(rebuilt(build(options))) == 3  # an upgraded package
    province_file = options.province_path()
    province_file.write_text(province_file.read_text(encoding="utf-8") + "# một dòng chú thích\n", encoding="utf-8")
    assert rebuilt(build(options)) == {"xa-tan-thanh", "phuong-dong-hai", "dac-khu-hon-da-bac"}
    later = replace(options, as_of=options.as_of + dt.timedelta(days=1))
    assert len(rebuilt(build(later))) == 3  # another day: deadlines may have run out


def test_a_lost_state_or_site_means_a_rebuild_not_a_wrong_site(tmp_path):
    options, _ = province(tmp_path)
    (releases_dir(options.output) / STATE).write_text("{không phải json", encoding="utf-8")
    assert len(rebuilt(build(options))) == 3
    site = releases_dir(options.output) / "sites" / linked_sites(options.output)["xa-tan-thanh"]
    os.remove(site / "trangxa.json")  # a site damaged by hand
    assert rebuilt(build(options)) == {"xa-tan-thanh"}
    assert (options.output / "xa-tan-thanh" / "trangxa.json").is_file()


def test_a_removed_commune_leaves_the_release_and_its_site(tmp_path):
    options, _ = province(tmp_path)
    gone = linked_sites(options.output)["dac-khu-hon-da-bac"]
    shutil.rmtree(options.communes_dir / "dac-khu-hon-da-bac")
    result = build(options)
    assert rebuilt(result) == set() and {s.name for s in result.communes} == {"xa-tan-thanh", "phuong-dong-hai"}
    assert not (options.output / "dac-khu-hon-da-bac").exists()
    assert not (releases_dir(options.output) / "sites" / gone).exists()
    assert "dac-khu-hon-da-bac" not in read(options.output, "index.html")


def test_one_commune_build_keeps_the_others_linked(tmp_path):
    options, _ = province(tmp_path)
    before = linked_sites(options.output)
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/ra-quan.md": NEWS})
    result = build(replace(options, commune="xa-tan-thanh"))
    assert rebuilt(result) == {"xa-tan-thanh"}
    after = linked_sites(options.output)
    assert after["phuong-dong-hai"] == before["phuong-dong-hai"] and after["xa-tan-thanh"] != before["xa-tan-thanh"]
    assert rebuilt(build(options)) == set()  # the full build that follows has nothing left to do


def test_a_commune_that_failed_is_tried_again_and_the_others_are_not(tmp_path):
    options, _ = province(tmp_path)
    write_tree(options.communes_dir, {"xa-tan-thanh/commune.yml": "ten: [\n"})
    assert rebuilt(build(options)) == {"xa-tan-thanh"}
    assert rebuilt(build(options)) == {"xa-tan-thanh"}  # still broken: tried again, never reused as built


def test_a_site_whose_search_or_build_failed_is_not_kept_for_reuse():
    def result(rule):
        return SiteResult("xa-a", True, (Finding("xa-a", "xa-a", None, None, rule, "error", "m", "f"),), 1, 0.1)

    assert reusable(result("missing-alt")) and not reusable(result("search-failed"))
    assert not reusable(result("build-failed")) and not reusable(SiteResult("xa-a", False, (), 0, 0.1))


def test_a_fresh_clone_with_the_previous_output_restored_rebuilds_nothing(tmp_path):
    """New file times and inodes everywhere (as after git clone in CI), the same contents, the output restored:
    fingerprints come from contents, so every site is kept."""
    options, _ = province(tmp_path)
    clone = tmp_path / "clone"
    shutil.copytree(options.communes_dir, clone / "communes")  # new inodes and times
    shutil.copy(tmp_path / "province.yml", clone / "province.yml")
    for path in (clone / "communes").rglob("*"):
        os.utime(path, ns=(1, 1))
    moved = replace(options, communes_dir=clone / "communes")
    assert rebuilt(build(moved)) == set()
    write_tree(moved.communes_dir, {"phuong-dong-hai/tin-tuc/ra-quan.md": NEWS})
    assert rebuilt(build(moved)) == {"phuong-dong-hai"}


def test_an_edit_that_keeps_size_and_time_is_still_seen(tmp_path):
    options, _ = province(tmp_path)
    path = options.communes_dir / "xa-tan-thanh" / "lien-he" / "index.yml"
    stat, text = path.stat(), path.read_text(encoding="utf-8")
    path.write_text(text.replace("Cường", "Cướng"), encoding="utf-8")  # as many bytes, another letter
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert rebuilt(build(options)) == {"xa-tan-thanh"}


def test_content_ids_are_gits_blob_ids(tmp_path):
    import subprocess

    path = tmp_path / "a.md"
    path.write_bytes("Xã Tân Thành\n".encode())
    expected = subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True).stdout
    assert fingerprint.blob_id(path) == expected.strip()


def test_a_git_clone_of_the_province_takes_the_ids_from_git_and_rebuilds_only_the_edit(tmp_path):
    """CI's case: the province's content is a Git repository, each run a fresh clone beside the restored output."""
    import subprocess

    options, _ = province(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@localhost"]
    repo = tmp_path  # communes/ and province.yml
    for command in (["init", "-q"], ["add", "communes", "province.yml"], ["commit", "-q", "-m", "nội dung"]):
        subprocess.run(git + ["-C", str(repo), *command], check=True)
    subprocess.run(["git", "clone", "-q", str(repo), str(tmp_path / "clone")], check=True)
    clone = replace(options, communes_dir=tmp_path / "clone" / "communes", province_file=tmp_path / "clone" / "province.yml")
    ids = fingerprint.ContentIds(fingerprint.Path("/nonexistent"), {}, (clone.communes_dir,))
    leader = clone.communes_dir / "xa-tan-thanh" / "gioi-thieu" / "lanh-dao" / "nguyen-van-an.yml"
    assert ids.git[str(leader)] == fingerprint.blob_id(leader)
    assert rebuilt(build(clone)) == set()
    write_tree(clone.communes_dir, {"phuong-dong-hai/tin-tuc/ra-quan.md": NEWS})
    assert rebuilt(build(clone)) == {"phuong-dong-hai"}


def test_a_pull_request_checks_and_builds_only_the_communes_it_touches(tmp_path):
    import subprocess

    from trangxa.runs import check

    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI, HON_DA_BAC))
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@localhost"]
    for command in (["init", "-q", "-b", "main"], ["add", "communes", "province.yml"], ["commit", "-q", "-m", "gốc"],
                    ["checkout", "-q", "-b", "sua-tin"]):
        subprocess.run(git + command, check=True)
    build(options)
    write_tree(options.communes_dir, {"phuong-dong-hai/tin-tuc/ra-quan.md": NEWS})
    subprocess.run(git + ["commit", "-q", "-am", "sửa tin"], check=True)
    request = replace(options, changed_since="main")
    assert [c.slug for c in check(request)] == ["phuong-dong-hai"]
    result = build(request)
    assert [site.name for site in result.communes] == ["phuong-dong-hai"]
    assert set(linked_sites(options.output)) == {"phuong-dong-hai", "xa-tan-thanh", "dac-khu-hon-da-bac"}
    (tmp_path / "province.yml").write_text((tmp_path / "province.yml").read_text() + "du_lieu_mau: true\n")
    subprocess.run(git + ["commit", "-q", "-am", "tỉnh"], check=True)
    assert len(check(request)) == 3  # a shared file changed: every commune


def test_an_unchanged_file_is_not_parsed_again_when_its_commune_is_rebuilt(tmp_path, monkeypatch):
    """The rules still run on every item; only the edited file is read again (logged across the processes)."""
    from trangxa.read import items

    options, _ = province(tmp_path)
    log = tmp_path / "reads.log"
    original = items.read_source

    def counted(path):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{path}\n")
        return original(path)

    monkeypatch.setattr(items, "read_source", counted)
    write_tree(options.communes_dir, {"phuong-dong-hai/tin-tuc/ra-quan.md": NEWS})
    result = build(options)
    communes = [Path(line).relative_to(options.communes_dir).as_posix() for line in log.read_text().splitlines()
                if Path(line).is_relative_to(options.communes_dir)]
    assert communes == ["phuong-dong-hai/tin-tuc/ra-quan.md"]
    assert rebuilt(result) == {"phuong-dong-hai"}
    assert "Tin sửa đổi mới nhất" in read(options.output, "phuong-dong-hai/tin-tuc/index.html")
    assert "Lê Văn Cường" in read(options.output, "phuong-dong-hai/lien-he/index.html")  # from the cache
