"""The command line and the Pelican settings: exit codes, the report, the plugin list."""

import subprocess
import sys

from fixtures import commune
from helpers import ROOT, TODAY, commune_files, scratch_province
from pelican.settings import read_settings
from trangxa.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "trangxa", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT)


def test_build_works_on_a_tree_that_is_not_the_demo(tmp_path, capsys):
    options = scratch_province(tmp_path, {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")})
    code = main(["build", "--communes-dir", str(options.communes_dir), "--output", str(tmp_path / "o"),
                 "--jobs", "1", "--today", TODAY.isoformat()])
    assert code == 0
    assert (tmp_path / "o" / "index.html").is_file() and (tmp_path / "o" / "xa-tan-thanh" / "index.html").is_file()
    assert "Đã tạo 1/1 trang xã và trang chỉ mục của tỉnh" in capsys.readouterr().out


def test_a_commune_that_cannot_be_built_exits_1_with_its_finding(tmp_path):
    files = {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh"), "xa-moi/tin-tuc/.keep": ""}
    options = scratch_province(tmp_path, files)
    result = run_cli("build", "--communes-dir", str(options.communes_dir), "--output", str(tmp_path / "o"))
    assert result.returncode == 1, result.stderr
    assert "xa-moi/commune.yml\n  cả tệp: LỖI [commune-yml-missing]" in result.stdout
    assert "Không tạo được: xa-moi." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_run_that_cannot_be_done_exits_2_without_traceback(tmp_path):
    result = run_cli("build", "--communes-dir", str(tmp_path / "khong-co"))
    assert result.returncode == 2
    assert "Không thể chạy: Không có thư mục các xã" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_plugin_list_is_exactly_ours():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert settings["PLUGINS"] == ["trangxa_guard", "trangxa_media", "trangxa_site", "trangxa_province", "trangxa_theme"]
    assert settings["DISPLAY_PAGES_ON_MENU"] is False
    assert settings["CHECK_MODIFIED_METHOD"] == "md5"


def test_every_rule_in_the_code_has_a_message():
    import re

    from trangxa.law.findings import rules

    used = set()
    for path in (ROOT / "plugins").rglob("*.py"):
        used |= set(re.findall(r'Problem\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'ValueError\("([a-z]+-[a-z-]+)"\)', path.read_text(encoding="utf-8")))
    assert used and used - set(rules()) == set()


def test_a_malformed_province_file_exits_2_with_its_reason(tmp_path):
    options = scratch_province(tmp_path, {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")})
    for text, words in (("xuat_ban: có\n", "dòng 1: \"xuat_ban\" phải là một nhóm khóa"), ("ten: A\nten: B\n", "dòng 2"),
                        ("bo_sung:\n  categories:\n    - name: X\n", "bo_sung")):
        (tmp_path / "province.yml").write_text(text, encoding="utf-8")
        result = run_cli("build", "--communes-dir", str(options.communes_dir), "--output", str(tmp_path / "o"))
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr, text


def test_pelican_run_directly_points_to_invoke_build_in_one_line(tmp_path):
    """`pelican content -s pelicanconf.py`, the first command of every Pelican tutorial."""
    result = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(tmp_path / "o")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    said = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode != 0 and len(said) == 1, said
    assert "invoke build" in said[0] and "Không chạy pelican trực tiếp" in said[0] and "Do not run pelican" in said[0]
    assert "Traceback" not in result.stderr and not (tmp_path / "o").exists()
