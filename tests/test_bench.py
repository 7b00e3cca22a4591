"""The benchmark's smoke version (the real one is bench/run.py at 100 communes, outside the tests): the synthetic
province is deterministic and passes the law's checks as a real commune would, the baselines get the same items,
and one tiny run of bench/run.py measures every scenario and writes its tables."""

import json
import shutil
import subprocess
import sys

from helpers import ROOT, manifest

sys.path.insert(0, str(ROOT / "bench"))

import baselines  # noqa: E402
import synth  # noqa: E402


def test_the_synthetic_province_is_the_same_for_the_same_seed(tmp_path):
    one = synth.province(tmp_path / "one", 2, 10, seed=3)
    two = synth.province(tmp_path / "two", 2, 10, seed=3)
    other = synth.province(tmp_path / "other", 2, 10, seed=4)
    assert manifest(one) == manifest(two)
    assert manifest(one) != manifest(other)
    news = list((one / "xa-thu-nghiem-0001" / "tin-tuc").glob("*.md"))
    documents = list((one / "xa-thu-nghiem-0001" / "van-ban").glob("*.yml"))
    assert (len(news), len(documents)) == (7, 2)  # 70% news, 20% documents of 10 articles


def test_a_synthetic_commune_has_no_legal_errors(tmp_path):
    synth.province(tmp_path, 1, 10)
    command = [sys.executable, "-m", "trangxa", "check", "--communes-dir", str(tmp_path / "communes"),
               "--province", str(tmp_path / "province.yml"), "--as-of", "2026-12-01", "--format", "json"]
    done = subprocess.run(command, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_the_baselines_get_every_item(tmp_path):
    communes = synth.province(tmp_path / "corpus", 1, 10)
    baselines.convert(communes, tmp_path / "b")
    commune = communes / "xa-thu-nghiem-0001"
    items = len(baselines.items(commune))
    assert items == sum(1 for path in commune.rglob("*") if path.suffix in (".md", ".yml")) - 1  # not commune.yml
    pelican = list((tmp_path / "b" / "pelican" / "xa-thu-nghiem-0001").glob("*.md"))
    hugo = list((tmp_path / "b" / "hugo" / "xa-thu-nghiem-0001" / "content").rglob("*.md"))
    assert items > 10 and len(pelican) == len(hugo) == items
    assert (tmp_path / "b" / "pelicanconf.py").is_file()


def test_a_tiny_benchmark_run_measures_every_scenario(tmp_path):
    command = [sys.executable, str(ROOT / "bench" / "run.py"), "--communes", "2", "--articles", "5", "--runs", "1",
               "--work", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    figures = {f["label"]: f for f in json.loads((tmp_path / "results.json").read_text())}
    expected = {"trangxa cold (no picture cache)", "trangxa cold output, picture cache kept",
                "trangxa warm, no change", "trangxa after editing one article", "trangxa after adding one commune",
                "trangxa CI: fresh clone, output restored, one article edited",
                "Pelican, one per commune, 2 at a time", "Pelican, one per commune, 1 at a time"}
    if shutil.which("hugo"):
        expected |= {"Hugo, one per commune, 2 at a time", "Hugo + Pagefind, one per commune, 2 at a time"}
    assert set(figures) == expected
    for figure in figures.values():
        assert figure["pages"] > 0 and len(figure["times"]) == 1 and min(figure["peaks"]) > 0, figure
    assert figures["trangxa after adding one commune"]["pages"] > figures["trangxa warm, no change"]["pages"]
    text = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "÷ Pelican 2 at a time" in text and "| trangxa warm, no change |" in text
