"""Publishing and the editing workflow: ghp-import into a local bare repository, atomicity under a failing build,
a commune's last good site kept, shards + merge equal to one build, CI files, Decap CMS, links into the web UI."""

import os
import shutil
from pathlib import Path
from dataclasses import replace

import pytest
import yaml

from fixtures import DONG_HAI, HON_DA_BAC, TAN_THANH, communes
from helpers import ROOT, TODAY, git, manifest, read, repositories, scratch_province, write_tree

from trangxa import runs as build_module
from trangxa.build.publish import compress, publish_output
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
    assert set(github["jobs"]) == {"check", "build", "index", "preview", "preview-remove"}
    steps = " ".join(step.get("run", "") for job in github["jobs"].values() for step in job["steps"])
    assert "trangxa check $CHANGED --format github" in steps and "--shard" in steps and "--merge" in steps
    assert "gh pr comment" in steps and "publish.push" in steps and "trangxa.build.preview publish" in steps
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["stages"] == ["check", "build", "index", "deploy"]
    assert {"check", "build", "index", "pages", "xem-truoc", "xem-truoc-go"} <= set(gitlab)
    assert gitlab["build"]["parallel"] == 2
    assert "--shard" in " ".join(gitlab["build"]["script"]) and gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_decap_cms_config_has_a_valid_collection_for_every_category(tmp_path):
    options = province(tmp_path, platform="github")
    build(options)
    config = yaml.safe_load(read(options.output, "xa-tan-thanh/admin/config.yml"))
    profile = load_profile("nd224-2026")
    assert config["backend"] == {"name": "github", "repo": "tinh-thu-nghiem/noi-dung", "branch": "main",
                                 "preview_context": "deploy/xem-truoc"}  # the preview's commit status
    collections = {c["folder"]: c for c in config["collections"]}
    widgets = {"string", "markdown", "datetime", "select", "file", "image", "list"}
    for category in profile.categories:
        if category.required == "generated":
            continue
        collection = collections[f"communes/xa-tan-thanh/{category.slug}"]
        record_type = profile.record_types[category.record_type]
        names = [f["name"] for f in collection["fields"]]
        assert names[: len(record_type.fields)] == list(record_type.keys)
        assert collection["identifier_field"] in names and collection["label"].split(" › ")[-1] in (category.name, category.menu_label)
        assert collection["label_singular"] == category.name
        for field, spec in zip(collection["fields"], record_type.fields):
            assert field["widget"] in widgets and field["required"] == spec.required
            if spec.choices:
                assert field["options"] == list(spec.choices)
    albums = collections["communes/xa-tan-thanh/thu-vien-anh"]
    assert albums["path"] == "{{slug}}/album" and albums["extension"] == "yml"  # album.yml in the album's folder
    photos = next(f for f in albums["fields"] if f["name"] == "anh")
    assert [f["name"] for f in photos["fields"]] == ["tep", "mo_ta"]
    admin = read(options.output, "xa-tan-thanh/admin/index.html")
    assert '<script src="../../decap-cms/decap-cms.js"></script>' in admin and "unpkg" not in admin
    assert (options.output / "decap-cms/decap-cms.js").is_file(), "run npm ci first"  # thu-muc: once per province


@pytest.mark.parametrize("platform, edit, new", [
    ("github", "https://github.com/tinh-thu-nghiem/noi-dung/edit/main/communes/xa-tan-thanh/tin-tuc/ra-quan.md",
     "https://github.com/tinh-thu-nghiem/noi-dung/new/main/communes/xa-tan-thanh/tin-tuc?filename=2026-11-20-tieu-de.md&amp;value=---%0A"),
    ("gitlab", "https://gitlab.com/tinh-thu-nghiem/noi-dung/-/edit/main/communes/xa-tan-thanh/tin-tuc/ra-quan.md",
     "https://gitlab.com/tinh-thu-nghiem/noi-dung/-/new/main/communes/xa-tan-thanh/tin-tuc?file_name=2026-11-20-tieu-de.md&amp;content=---%0A"),
])
def test_every_page_of_a_preview_links_to_its_source_in_the_web_ui(tmp_path, platform, edit, new):
    options = replace(province(tmp_path, platform=platform), settings_file=ROOT / "previewconf.py")
    build(options)
    assert f'<a href="{edit}">Sửa trang này</a>' in read(options.output, "xa-tan-thanh/tin-tuc/ra-quan/index.html")
    assert f'<a href="{new}' in read(options.output, "xa-tan-thanh/tin-tuc/index.html")
    assert "Thêm tin mới" in read(options.output, "xa-tan-thanh/index.html")


STAFF = ("Sửa trang này</a>", "Thêm mục mới vào chuyên mục này</a>", "Thêm tin mới</a>", "Thêm album mới</a>",
         "Sửa album này</a>", "(dành cho cán bộ xã)</span>")  # the links and the staff wording beside them
NOINDEX = '<meta name="robots" content="noindex">'


def pages_of(output):
    """Every HTML page of a release, the communes' linked sites included; admin/ aside."""
    pages = {}
    for folder, _, names in os.walk(output.resolve(), followlinks=True):
        if "admin" not in Path(folder).parts:
            pages.update({Path(folder, n): Path(folder, n).read_text(encoding="utf-8") for n in names
                          if n.endswith(".html")})
    return pages


def test_only_previews_carry_noindex_and_staff_links_and_have_no_admin(tmp_path):
    production = replace(province(tmp_path / "p", platform="github"), settings_file=ROOT / "publishconf.py")
    build(production)
    pages = pages_of(production.output)
    assert len(pages) > 50 and (production.output / "xa-tan-thanh/admin/index.html").is_file()
    leaks = sorted(str(path) for path, text in pages.items() if NOINDEX in text or any(s in text for s in STAFF))
    assert leaks == []
    preview = replace(province(tmp_path / "v", platform="github"), settings_file=ROOT / "previewconf.py")
    build(preview)
    pages = pages_of(preview.output)
    assert all(NOINDEX in text for text in pages.values())
    everything = " ".join(pages.values())
    assert all(s in everything for s in STAFF[:3] + STAFF[-1:] + ("Bản xem trước, chưa xuất bản",))
    assert not (preview.output / "xa-tan-thanh/admin").exists() and not (preview.output / "decap-cms").exists()
    assert 'href="../theme/css/site.css"' in read(preview.output, "xa-tan-thanh/tin-tuc/index.html")  # relative


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
    built = manifest(publish_output(options.output))
    assert len(built) > 50
    assert not any(name.endswith((".gz", ".br")) or name.endswith("CNAME") for name in built)


def test_earlier_quarters_reports_stay_published(tmp_path):
    from trangxa.runs import report
    from trangxa.aggregate.report import Quarter

    options = province(tmp_path)
    build(options)
    report(options, Quarter.parse("2026Q2"))
    build(options)
    assert {p.name for p in (options.output / "bao-cao").iterdir()} == {"2026Q2", "2026Q3"}


def test_a_first_publish_never_pushes_a_development_build_nor_claims_a_previous_version(tmp_path, capsys):
    options = province(tmp_path / "p")
    build(options)  # a development build (relative links) in output/, as invoke serve leaves it
    write_tree(options.communes_dir, {"xa-tan-thanh/tin-tuc/hong.md": "---\ntieu_de: [hỏng\n---\n"})
    bare, work = repositories(tmp_path)
    assert run_publish(replace(options, settings_file=ROOT / "publishconf.py"), work, "gh-pages", "origin",
                       per_commune=False) == 0
    said = capsys.readouterr().out
    assert "Giữ bản đã đăng trước đó" not in said
    assert "Đăng kèm cảnh báo vì chưa có bản nào đăng trước đó" in said and "xa-tan-thanh" in said.split("Đăng kèm")[1]
    for commune in ("xa-tan-thanh", "phuong-dong-hai"):
        page = git("show", f"gh-pages:{commune}/tin-tuc/ra-quan/index.html", cwd=bare)
        assert f'href="https://xa.thunghiem.gov.vn/{commune}/theme/css/site.css"' in page  # production, never relative
    assert (options.output / "xa-tan-thanh/index.html").is_file()  # the development build is left as it was


def test_each_distinct_content_is_compressed_once_and_kept_in_the_cache(tmp_path):
    import gzip

    site = write_tree(tmp_path / "site", {f"xa-{n}/decap-cms.js": "var a = 1;" * 500 for n in range(60)})
    write_tree(site, {"index.html": "<p>Tỉnh</p>"})
    said = []
    first = compress(site, tmp_path / "cache", said.append)
    assert (first.files, first.made, first.reused) == (61, 2, 59)
    assert said[-1] == "  nén 61/61 tệp (100%)" and len(said) <= 11
    assert gzip.decompress((site / "xa-7/decap-cms.js.gz").read_bytes()) == (site / "xa-7/decap-cms.js").read_bytes()
    copy = tmp_path / "again"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    again = compress(copy, tmp_path / "cache")
    assert (again.made, again.reused) == (0, 61)
    assert (copy / "index.html.br").read_bytes() == (site / "index.html.br").read_bytes()
