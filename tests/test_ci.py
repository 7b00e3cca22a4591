"""The CI files are valid where they run (check-jsonschema's vendored GitHub and GitLab schemas, no network), say how
to turn on incremental builds and shards; the preview script publishes and removes a request's preview in a local
bare repository; git status stays clean after a build."""

import shutil
import subprocess
import sys

import pytest
import yaml
from fixtures import TAN_THANH, communes
from helpers import ROOT, scratch_province, write_tree
from trangxa.runs import build
from trangxa.build.preview import address, same_origin

CI_FILES = [(".github/workflows/trangxa.yml", "vendor.github-workflows"), (".gitlab-ci.yml", "vendor.gitlab-ci")]


def validate(path, schema) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("name, schema", CI_FILES)
def test_each_ci_file_passes_its_schema(name, schema):
    result = validate(ROOT / name, schema)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_gitlab_schema_rejects_variables_under_default(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text("default:\n  image: python:3.11\n  variables:\n    A: b\njob:\n  script: [true]\n", encoding="utf-8")
    result = validate(broken, "vendor.gitlab-ci")
    assert result.returncode == 1 and "'variables' was unexpected" in result.stdout


@pytest.mark.parametrize("name, _", CI_FILES)
def test_each_ci_file_says_how_incremental_builds_and_shards_work(name, _):
    head = (ROOT / name).read_text(encoding="utf-8").split("\nstages:")[0].split("\nname:")[0]
    assert "Incremental builds are on" in head and "Shards:" in head and "releases" in head


def test_the_build_jobs_keep_the_last_release_its_state_and_the_caches_between_runs():
    github = yaml.safe_load((ROOT / ".github/workflows/trangxa.yml").read_text(encoding="utf-8"))
    [cache] = [step for step in github["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache")]
    assert set(cache["with"]["path"].split()) == {"shard", ".shard-releases", ".trangxa-cache"}
    assert "--changed-since" in github["jobs"]["check"]["env"]["CHANGED"]
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert set(gitlab["build"]["cache"]["paths"]) == {"shards/$CI_NODE_INDEX", "shards/.$CI_NODE_INDEX-releases/",
                                                      "shards/.trangxa-cache/"}
    assert any("--changed-since" in line for line in gitlab["check"]["script"])


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def preview(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "trangxa.build.preview", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False, env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin",
                                                       "HOME": str(cwd), "GIT_CONFIG_NOSYSTEM": "1"})


def test_previews_are_published_and_removed_in_their_own_folders(tmp_path):
    bare = tmp_path / "xem-truoc.git"
    git("init", "-q", "--bare", str(bare), cwd=tmp_path)
    site = write_tree(tmp_path / "site", {"index.html": "<h1>Tỉnh</h1>", "xa-a/index.html": "<h1>Xã</h1>"})
    base = "https://tinh-xem-truoc.github.io/xem-truoc"
    for number in (12, 13):
        done = preview("publish", "--repo", str(bare), "--branch", "gh-pages", "--request", str(number), "--site",
                       str(site), "--base-url", base, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().splitlines()[-1] == f"Bản xem trước: {base}/yc-{number}/"
    tree = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert tree == {".nojekyll", "robots.txt", "yc-12/index.html", "yc-12/xa-a/index.html", "yc-13/index.html",
                    "yc-13/xa-a/index.html"}
    assert git("show", "gh-pages:robots.txt", cwd=bare) == "User-agent: *\nDisallow: /\n"
    done = preview("remove", "--repo", str(bare), "--branch", "gh-pages", "--request", "12", cwd=tmp_path)
    assert done.returncode == 0 and "Đã gỡ bản xem trước của yêu cầu #12." in done.stdout
    tree = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert not any(name.startswith("yc-12/") for name in tree) and "yc-13/index.html" in tree
    again = preview("remove", "--repo", str(bare), "--branch", "gh-pages", "--request", "12", cwd=tmp_path)
    assert again.returncode == 0 and "không có bản xem trước nào" in again.stdout


def test_a_preview_on_the_production_origin_is_refused(tmp_path):
    site = write_tree(tmp_path / "site", {"index.html": "x"})
    done = preview("publish", "--repo", str(tmp_path / "none.git"), "--request", "1", "--site", str(site),
                   "--base-url", "https://xa.minhhai.gov.vn/xem-truoc", cwd=tmp_path)  # province.yml's dia_chi_web
    assert done.returncode == 2 and "cùng nguồn với trang chính thức" in done.stderr and "Traceback" not in done.stderr
    assert same_origin("https://A.github.io/x", "https://a.github.io/y") and not same_origin("https://a.io", "")
    assert address("https://x.io/p/", 7) == "https://x.io/p/yc-7/"


def test_git_status_is_clean_after_a_build(tmp_path):
    repo = tmp_path / "tinh"
    options = scratch_province(repo, communes(TAN_THANH))
    shutil.copyfile(ROOT / ".gitignore", repo / ".gitignore")
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv/bin/python").write_text("", encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    assert not any(name.startswith(".venv") for name in git("ls-files", cwd=repo).split())
    git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "nguồn", cwd=repo)
    build(options)
    build(options)  # a second build swaps the link again
    assert options.output.is_symlink() and (repo / ".output-releases").is_dir() and (repo / ".trangxa-cache").is_dir()
    assert git("status", "--porcelain", "--untracked-files=all", cwd=repo) == ""
