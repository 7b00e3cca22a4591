"""Publishing and the editing workflow: ghp-import into a local bare repository, atomicity under a failing build,
a commune's last good site kept, shards + merge equal to one build, CI files, Decap CMS, links into the web UI."""

import subprocess
from dataclasses import replace

import pytest
import yaml

from fixtures import DONG_HAI, HON_DA_BAC, TAN_THANH, communes
from helpers import ROOT, TODAY, manifest, read, scratch_province, write_tree

from trangxa import runs as build_module
from trangxa.runs import build
from trangxa.cli import run_publish
from trangxa.law.loading import load_profile

REPOSITORY = """\
kho_noi_dung:
  nen_tang: {platform}
  dia_chi: https://{host}/tinh-thu-nghiem/noi-dung
  nhanh: main
"""


def province(tmp_path, mode="thu-muc", platform=None):
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI, HON_DA_BAC), mode=mode)
    if platform:
        host = "gitlab.com" if platform == "gitlab" else "github.com"
        with (tmp_path / "province.yml").open("a", encoding="utf-8") as handle:
            handle.write(REPOSITORY.format(platform=platform, host=host))
    return options


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def repositories(tmp_path):
    bare, work = tmp_path / "remote.git", tmp_path / "work"
    git("init", "-q", "--bare", str(bare), cwd=tmp_path)
    git("init", "-q", str(work), cwd=tmp_path)
    for key, value in (("user.name", "Thử"), ("user.email", "thu@example.invalid")):
        git("config", key, value, cwd=work)
    git("remote", "add", "origin", str(bare), cwd=work)
    return bare, work


def test_publish_pushes_the_site_to_a_branch_of_a_bare_repository(tmp_path):
    options = replace(province(tmp_path / "p"), settings_file=ROOT / "publishconf.py")
    bare, work = repositories(tmp_path)
    assert run_publish(options, work, "gh-pages", "origin", per_commune=False) == 0
    tree = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split()
    assert {"index.html", ".nojekyll", "index.html.gz", "index.html.br", "xa-tan-thanh/index.html",
            "xa-tan-thanh/van-ban/112-qd-ubnd.pdf", "sitemap.xml.gz"} <= set(tree)
    page = git("show", "gh-pages:xa-tan-thanh/tin-tuc/ra-quan/index.html", cwd=bare)
    assert 'href="https://xa.thunghiem.gov.vn/xa-tan-thanh/theme/css/site.css"' in page  # production URLs


def test_publish_one_branch_per_commune_with_its_domain(tmp_path):
    options = replace(province(tmp_path / "p", mode="ten-mien"), settings_file=ROOT / "publishconf.py")
    bare, work = repositories(tmp_path)
    assert run_publish(options, work, "gh-pages", "origin", per_commune=True) == 0
    branches = git("branch", "--format=%(refname:short)", cwd=bare).split()
    assert sorted(branches) == ["gh-pages-dac-khu-hon-da-bac", "gh-pages-phuong-dong-hai", "gh-pages-xa-tan-thanh"]
    assert git("show", "gh-pages-xa-tan-thanh:CNAME", cwd=bare) == "xatanthanh.minhhai.gov.vn\n"
    assert "index.html" in git("ls-tree", "--name-only", "gh-pages-xa-tan-thanh", cwd=bare).split()


def test_a_build_that_fails_midway_leaves_the_old_output_byte_identical(tmp_path, monkeypatch):
    options = province(tmp_path)
    build(options)
    before = manifest(options.output)
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Mới\nngay_dang: 19/11/2026\n---\n"})

    def broken(*args, **kwargs):
        raise RuntimeError("hết dung lượng đĩa")

    monkeypatch.setattr(build_module, "build_index", broken)
    with pytest.raises(RuntimeError):
        build(options)
    assert manifest(options.output) == before


def test_a_commune_with_broken_files_keeps_its_last_good_site(tmp_path):
    options = province(tmp_path)
    build(options)
    good = manifest(options.output / "xa-tan-thanh")
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/hong.md": "---\ntieu_de: [hỏng\n---\n",
                                      "phuong-dong-hai/tin-tuc/moi.md": "---\ntieu_de: Mới\nngay_dang: 19/11/2026\n---\n"})
    result = build(replace(options, keep_last_good=True))
    kept = {site.name: site.kept_previous for site in result.communes}
    assert kept == {"dac-khu-hon-da-bac": False, "phuong-dong-hai": False, "xa-tan-thanh": True}
    assert manifest(options.output / "xa-tan-thanh") == good
    assert (options.output / "phuong-dong-hai/tin-tuc/moi/index.html").is_file()
    build(replace(options, keep_last_good=False))  # "đăng kèm cảnh báo": published with the finding
    assert manifest(options.output / "xa-tan-thanh") != good


def test_shards_and_their_merge_equal_a_single_build(tmp_path):
    options = province(tmp_path)
    build(replace(options, output=tmp_path / "single"))
    shards = [tmp_path / f"shard-{k}" for k in (1, 2)]
    for number, folder in enumerate(shards, start=1):
        result = build(replace(options, output=folder, shard=(number, 2)))
        assert result.index is None and len(result.communes) == (2 if number == 1 else 1)
    build(replace(options, output=tmp_path / "merged", merge_from=tuple(shards)))
    assert manifest(tmp_path / "merged") == manifest(tmp_path / "single")


def test_ci_files_are_valid_yaml_with_the_expected_jobs():
    github = yaml.safe_load((ROOT / ".github/workflows/trangxa.yml").read_text(encoding="utf-8"))
    assert set(github[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key "on" as True
    assert set(github["jobs"]) == {"check", "build", "index"}
    steps = " ".join(step.get("run", "") for job in github["jobs"].values() for step in job["steps"])
    assert "trangxa check --format github" in steps and "--shard" in steps and "--merge" in steps
    assert "gh pr comment" in steps and "publish.push" in steps
    cached = [step["with"]["path"] for step in github["jobs"]["build"]["steps"] if "cache@" in step.get("uses", "")]
    assert cached == [".trangxa-cache"]  # the picture cache of the shard build (beside its output "shard")
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["stages"] == ["check", "build", "index", "deploy"]
    assert {"check", "build", "index", "pages"} <= set(gitlab) and gitlab["build"]["parallel"] == 2
    assert "--shard" in " ".join(gitlab["build"]["script"]) and gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["build"]["cache"]["paths"] == ["shards/.trangxa-cache/"]  # beside the output shards/<n>


def test_decap_cms_config_has_a_valid_collection_for_every_category(tmp_path):
    options = province(tmp_path, platform="github")
    build(options)
    config = yaml.safe_load(read(options.output, "xa-tan-thanh/admin/config.yml"))
    profile = load_profile("nd224-2026")
    assert config["backend"] == {"name": "github", "repo": "tinh-thu-nghiem/noi-dung", "branch": "main"}
    collections = {c["folder"]: c for c in config["collections"]}
    widgets = {"string", "markdown", "datetime", "select", "file", "image", "list"}
    for category in profile.categories:
        if category.required == "generated":
            continue
        collection = collections[f"communes/xa-tan-thanh/{category.slug}"]
        record_type = profile.record_types[category.record_type]
        names = [f["name"] for f in collection["fields"]]
        assert names[: len(record_type.fields)] == list(record_type.keys)
        assert collection["identifier_field"] in names and collection["label"] == category.name
        for field, spec in zip(collection["fields"], record_type.fields):
            assert field["widget"] in widgets and field["required"] == spec.required
            if spec.choices:
                assert field["options"] == list(spec.choices)
    albums = collections["communes/xa-tan-thanh/thu-vien-anh"]
    assert albums["path"] == "{{slug}}/album" and albums["extension"] == "yml"  # album.yml in the album's folder
    photos = next(f for f in albums["fields"] if f["name"] == "anh")
    assert [f["name"] for f in photos["fields"]] == ["tep", "mo_ta"]
    admin = read(options.output, "xa-tan-thanh/admin/index.html")
    assert '<script src="decap-cms.js"></script>' in admin and "unpkg" not in admin
    assert (options.output / "xa-tan-thanh/admin/decap-cms.js").is_file(), "run npm ci first"


@pytest.mark.parametrize("platform, edit, new", [
    ("github", "https://github.com/tinh-thu-nghiem/noi-dung/edit/main/communes/xa-tan-thanh/tin-tuc/ra-quan.md",
     "https://github.com/tinh-thu-nghiem/noi-dung/new/main/communes/xa-tan-thanh/tin-tuc?filename=2026-11-20-tieu-de.md&amp;value=---%0A"),
    ("gitlab", "https://gitlab.com/tinh-thu-nghiem/noi-dung/-/edit/main/communes/xa-tan-thanh/tin-tuc/ra-quan.md",
     "https://gitlab.com/tinh-thu-nghiem/noi-dung/-/new/main/communes/xa-tan-thanh/tin-tuc?file_name=2026-11-20-tieu-de.md&amp;content=---%0A"),
])
def test_every_page_links_to_its_source_in_the_web_ui(tmp_path, platform, edit, new):
    options = province(tmp_path, platform=platform)
    build(options)
    assert f'<a href="{edit}">Sửa trang này</a>' in read(options.output, "xa-tan-thanh/tin-tuc/ra-quan/index.html")
    assert f'<a href="{new}' in read(options.output, "xa-tan-thanh/tin-tuc/index.html")
    assert "Thêm tin mới" in read(options.output, "xa-tan-thanh/index.html")


def test_invoke_new_scaffolds_an_item_with_the_right_fields(tmp_path):
    from trangxa.read.items import read_item
    from trangxa.scaffold import new_item

    profile = load_profile("nd224-2026")
    path = new_item(profile, tmp_path / "xa-tan-thanh", "tin-tuc", "Ra quân dọn kênh", TODAY)
    assert path.name == "2026-11-20-ra-quan-don-kenh.md"
    item = read_item(tmp_path / "xa-tan-thanh", "tin-tuc/" + path.name, "tin-tuc", profile)
    assert item.values["tieu_de"] == "Ra quân dọn kênh" and item.values["ngay_dang"] == TODAY
    assert [p.rule for p in item.problems] == ["template-text"]  # until the officer writes the text
    with pytest.raises(FileExistsError):
        new_item(profile, tmp_path / "xa-tan-thanh", "tin-tuc", "Ra quân dọn kênh", TODAY)


def test_publishing_never_writes_into_the_built_release(tmp_path):
    options = replace(province(tmp_path / "p", mode="ten-mien"), settings_file=ROOT / "publishconf.py")
    bare, work = repositories(tmp_path)
    run_publish(options, work, "gh-pages", "origin", per_commune=True)
    built = manifest(options.output)
    assert not any(name.endswith((".gz", ".br")) or name.endswith("CNAME") for name in built)


def test_earlier_quarters_reports_stay_published(tmp_path):
    from trangxa.runs import report
    from trangxa.aggregate.report import Quarter

    options = province(tmp_path)
    build(options)
    report(options, Quarter.parse("2026Q2"))
    build(options)
    assert {p.name for p in (options.output / "bao-cao").iterdir()} == {"2026Q2", "2026Q3"}
