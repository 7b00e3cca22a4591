"""Faults: a killed build leaves the previous complete site or the new one, never a mix; re-running needs no
clean-up; build and check never modify the communes' files."""

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace

from fixtures import DONG_HAI, HON_DA_BAC, TAN_THANH, communes
from helpers import ROOT, TODAY, manifest, scratch_province, write_tree
from trangxa.runs import build, check
from trangxa.build.release import SITES, STATE, linked_sites, releases_dir

def province():
    return communes(TAN_THANH, DONG_HAI, HON_DA_BAC)


def cli_build(options):
    args = [sys.executable, "-m", "trangxa", "build", "--communes-dir", str(options.communes_dir), "--output",
            str(options.output), "--province", str(options.province_path()), "--jobs", "2",
            "--today", TODAY.isoformat()]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def test_a_killed_build_leaves_the_previous_or_the_new_site(tmp_path):
    options = scratch_province(tmp_path / "p", province())
    build(options)
    before = manifest(options.output)
    write_tree(options.communes_dir, {
        "xa-tan-thanh/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay_dang: 19/11/2026\n---\nThân bài.\n",
        "phuong-dong-hai/van-ban/112-qd-ubnd.yml": "so_ky_hieu: 112/QĐ-UBND\ntrich_yeu: Đã sửa\n",
    })
    build(replace(options, output=tmp_path / "reference"))
    after = manifest(tmp_path / "reference")
    assert before != after
    rng = random.Random(20261120)
    for delay in sorted(rng.uniform(0.0, 2.5) for _ in range(6)):
        process = cli_build(options)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        now = manifest(options.output)
        assert now in (before, after), f"a mix after a kill at {delay:.2f}s"
    process = cli_build(options)  # again, with no clean-up in between
    assert process.wait() == 0
    assert manifest(options.output) == after
    releases = releases_dir(options.output)
    assert sorted(p.name for p in releases.iterdir()) == sorted([options.output.resolve().name, SITES, STATE])
    assert {p.name for p in (releases / SITES).iterdir()} == set(linked_sites(options.output).values())


def test_build_and_check_never_modify_the_communes(tmp_path):
    files = province()
    files["xa-tan-thanh/tin-tuc/hong.md"] = "---\ntieu_de: [\n---\n"
    files["xa-tan-thanh/tin-tuc/nfd.md"] = "---\ntieu_de: Thu\u0309y\nngay_dang: 19/11/2026\n---\r\n"
    options = scratch_province(tmp_path, files)
    before = manifest(options.communes_dir)
    build(options)
    check(options, TODAY)
    assert manifest(options.communes_dir) == before
