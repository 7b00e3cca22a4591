"""The performance benchmark: trangxa against plain Pelican and Hugo (+ Pagefind), on the same synthetic province,
in one run, side by side.

    python3 bench/run.py --communes 100 --articles 200 --runs 3 [--work /work/bwork/bench] [--cold-runs 1]

1. A deterministic synthetic province (bench/synth.py), kept in the work folder and reused while its size and
   seed are the same; the same content converted for the baselines (bench/baselines.py).
2. trangxa: cold (no output, no picture cache: every picture is made), cold output with the picture cache kept (a
   CI job that restores its cache), warm with no change, warm after editing one article of one commune, after
   adding one commune.
3. Plain Pelican, one ``pelican`` per commune, two at a time (``xargs -P 2``) and one at a time; Hugo (if
   installed), one ``hugo`` per commune, two at a time, alone and followed by Pagefind's CLI over its output.
4. For each: the wall time's median and spread over the runs, the HTML pages written, pages/s, the peak resident
   memory of the whole process tree (sampled every 50 ms), and the ratios of trangxa to the baselines.

The results are printed as a Markdown table and kept in <work>/results.json and <work>/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "plugins"))

import baselines  # noqa: E402
import synth  # noqa: E402

EXTRA = "xa-thu-nghiem-9999"  # the commune "after adding one commune" adds (synth's commune number 9999)
TODAY = "2026-12-01"  # the synthetic content's dates are in 2026: every run checks as of the same day


@dataclass
class Figure:
    label: str
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # bytes
    pages: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.median if self.median else 0.0

    def row(self) -> str:
        spread = f"{min(self.times):.2f}–{max(self.times):.2f}"
        rate = f"{self.pages_per_second:,.0f}" if self.pages else "–"
        return (f"| {self.label} | {self.median:.2f} | {spread} | {len(self.times)} | {self.pages:,} | {rate} | "
                f"{max(self.peaks) / 2**20:,.0f} |")


def tree_rss(root: int) -> int:
    """The resident memory of a process and all its descendants, from /proc."""
    parents, rss = {}, {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def measure(command: list[str] | str, cwd: Path = ROOT) -> tuple[float, int]:
    """Wall time and peak tree memory of one command; a failing command stops the benchmark."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, shell=isinstance(command, str),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:  # trangxa exits 1 when a commune could not be built: not a figure to report
        raise SystemExit(f"{command} failed ({process.returncode}):\n{errors.decode()[-3000:]}")
    return seconds, peak[0]


WORK_ENTRIES = {"corpus", "corpus.json", "baselines", "out", "results.md", "results.json"}


def refuse_foreign(work: Path) -> None:
    """The work folder is emptied before a new corpus is written: never one that holds anything else."""
    foreign = sorted(entry.name for entry in work.iterdir() if entry.name not in WORK_ENTRIES) if work.is_dir() else []
    if foreign:
        raise SystemExit(f"{work} holds files the benchmark did not write ({', '.join(foreign[:5])}): "
                         "give --work an empty or new folder")


def html_pages(folder: Path) -> int:
    return sum(1 for _, _, files in os.walk(folder, followlinks=True) for name in files if name.endswith(".html"))


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.work: Path = args.work
        self.corpus = self.work / "corpus"
        self.source = self.corpus  # what trangxa builds: the corpus, or a fresh clone of it (the CI scenario)
        self.figures: list[Figure] = []

    # -- content -------------------------------------------------------------------------------------------------

    def prepare(self) -> None:
        stamp = {"communes": self.args.communes, "articles": self.args.articles, "seed": self.args.seed}
        stamp_file = self.work / "corpus.json"
        shutil.rmtree(self.corpus / "communes" / EXTRA, ignore_errors=True)  # left by a killed run
        if not stamp_file.is_file() or json.loads(stamp_file.read_text()) != stamp:
            refuse_foreign(self.work)
            print(f"writing the synthetic province ({self.args.communes} × {self.args.articles}) …", flush=True)
            shutil.rmtree(self.work, ignore_errors=True)
            synth.province(self.corpus, self.args.communes, self.args.articles, self.args.seed)
            baselines.convert(self.corpus / "communes", self.work / "baselines")
            git = ["git", "-C", str(self.corpus), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
            for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "synthetic province"]):
                subprocess.run(git + command, check=True)  # a repository, as a province's content is: CI clones it
            stamp_file.write_text(json.dumps(stamp))
        self.slugs = sorted(p.name for p in (self.corpus / "communes").iterdir() if p.is_dir())

    # -- trangxa -------------------------------------------------------------------------------------------------

    def trangxa(self) -> list[str]:
        return [sys.executable, "-m", "trangxa", "build", "--communes-dir", str(self.source / "communes"),
                "--province", str(self.source / "province.yml"), "--output", str(self.work / "out" / "output"),
                "--today", TODAY, *(["--jobs", str(self.args.jobs)] if self.args.jobs else [])]

    def clean(self, pictures: bool) -> None:
        out = self.work / "out"
        for entry in out.iterdir() if out.is_dir() else []:
            if pictures or entry.name != ".trangxa-cache":
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()

    def run_trangxa(self, label: str, runs: int, before=None) -> Figure:
        figure = Figure(label)
        for number in range(runs):
            if before:
                before(number)
            seconds, peak = measure(self.trangxa())
            figure.times.append(seconds)
            figure.peaks.append(peak)
        figure.pages = html_pages(self.work / "out" / "output")
        self.add(figure)
        return figure

    def edit_one(self, number: int) -> None:
        news = sorted((self.corpus / "communes" / self.slugs[0] / "tin-tuc").glob("*.md"))[0]
        with news.open("a", encoding="utf-8") as file:
            file.write(f"\nCập nhật lần {number + 1}: ủy ban nhân dân xã bổ sung thông tin.\n")

    def fresh_clone(self, number: int) -> None:
        """As in CI: a fresh clone of the province (new file times and inodes everywhere), the previous output and
        picture cache restored (left in place), one article edited. The clone is not timed."""
        clone = self.work / "clone"
        shutil.rmtree(clone, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", str(self.corpus), str(clone)], check=True)
        self.source = clone
        news = sorted((clone / "communes" / self.slugs[0] / "tin-tuc").glob("*.md"))[0]
        with news.open("a", encoding="utf-8") as file:
            file.write(f"\nCập nhật lần {number + 1}: ủy ban nhân dân xã bổ sung thông tin.\n")

    def add_one(self, number: int) -> None:
        extra = self.corpus / "communes" / EXTRA
        if extra.exists():  # the previous run's: take it out and build without it, unmeasured
            shutil.rmtree(extra)
            measure(self.trangxa())
        synth.Commune(self.corpus / "communes", 9999, self.args.articles, self.args.seed).all()

    def trangxa_all(self) -> list[Figure]:
        runs = self.args.runs
        cold = self.run_trangxa("trangxa cold (no picture cache)", self.args.cold_runs,
                                lambda n: self.clean(pictures=True))
        cached = self.run_trangxa("trangxa cold output, picture cache kept", runs,
                                  lambda n: self.clean(pictures=False))
        self.run_trangxa("trangxa warm, no change", runs)
        news = sorted((self.corpus / "communes" / self.slugs[0] / "tin-tuc").glob("*.md"))[0]
        original = news.read_bytes()
        self.run_trangxa("trangxa after editing one article", runs, self.edit_one)
        news.write_bytes(original)  # the corpus stays what the baselines were converted from
        measure(self.trangxa())  # back to the corpus as committed (unmeasured)
        self.run_trangxa("trangxa CI: fresh clone, output restored, one article edited", runs, self.fresh_clone)
        self.source = self.corpus
        shutil.rmtree(self.work / "clone", ignore_errors=True)
        self.run_trangxa("trangxa after adding one commune", runs, self.add_one)
        shutil.rmtree(self.corpus / "communes" / EXTRA, ignore_errors=True)
        return [cold, cached]

    # -- baselines -----------------------------------------------------------------------------------------------

    def parallel(self, template: str, jobs: int) -> str:
        """One command per commune, ``jobs`` at a time, over the communes' slugs."""
        return f"printf '%s\\n' {' '.join(self.slugs)} | xargs -P {jobs} -I{{}} sh -c '{template}'"

    def run_command(self, label: str, command: str, out: Path, clean: Path | None = None) -> Figure:
        figure = Figure(label)
        for _ in range(self.args.runs):
            if clean:
                shutil.rmtree(clean, ignore_errors=True)
            seconds, peak = measure(command, cwd=self.work / "baselines")
            figure.times.append(seconds)
            figure.peaks.append(peak)
        figure.pages = html_pages(out)
        self.add(figure)
        return figure

    def pelican(self) -> list[Figure]:
        one = (f"{sys.executable} -m pelican pelican/{{}} -s pelicanconf.py -o out-pelican/{{}} -q "
               "--delete-output-directory")
        out = self.work / "baselines" / "out-pelican"
        two = self.run_command("Pelican, one per commune, 2 at a time", self.parallel(one, 2), out, out)
        seq = self.run_command("Pelican, one per commune, 1 at a time", self.parallel(one, 1), out, out)
        return [two, seq]

    def hugo(self) -> list[Figure]:
        if not shutil.which("hugo"):
            print("hugo is not installed (apt-get install hugo): no Hugo baseline")
            return []
        out = self.work / "baselines" / "out-hugo"
        one = "hugo --quiet --source hugo/{} --destination ../../out-hugo/{}"
        search = f"{one} && {sys.executable} -m pagefind --site out-hugo/{{}} --quiet"
        alone = self.run_command("Hugo, one per commune, 2 at a time", self.parallel(one, 2), out, out)
        both = self.run_command("Hugo + Pagefind, one per commune, 2 at a time", self.parallel(search, 2), out, out)
        return [alone, both]

    # -- report --------------------------------------------------------------------------------------------------

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(figure.row(), flush=True)

    def ratios(self, trangxa: list[Figure], pelican: list[Figure], hugo: list[Figure]) -> list[str]:
        cached = trangxa[1]
        lines = [f"- pages/s, trangxa (picture cache kept) ÷ Pelican 2 at a time: "
                 f"{cached.pages_per_second / pelican[0].pages_per_second:.2f}",
                 f"- pages/s, trangxa (nothing cached) ÷ Pelican 2 at a time: "
                 f"{trangxa[0].pages_per_second / pelican[0].pages_per_second:.2f}"]
        if hugo:
            lines += [f"- time, trangxa (picture cache kept, search included) ÷ Hugo + Pagefind: "
                      f"{cached.median / hugo[1].median:.2f}",
                      f"- time, trangxa (picture cache kept) ÷ Hugo alone: {cached.median / hugo[0].median:.2f}"]
        return lines

    def write(self, lines: list[str]) -> None:
        head = (f"{self.args.communes} communes × {self.args.articles} articles, {self.args.runs} runs, "
                f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}\n\n"
                "| build | median s | min–max s | runs | HTML pages | pages/s | peak RSS MiB |\n"
                "|---|---|---|---|---|---|---|")
        text = "\n".join([head, *(f.row() for f in self.figures), "", *lines]) + "\n"
        (self.work / "results.md").write_text(text, encoding="utf-8")
        (self.work / "results.json").write_text(json.dumps([asdict(f) for f in self.figures], indent=1))
        print("\n" + text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communes", type=int, default=20)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=None, help="runs with no picture cache (default --runs)")
    parser.add_argument("--jobs", type=int, default=0, help="trangxa --jobs (default: one per core)")
    parser.add_argument("--work", type=Path, default=ROOT.parent / "bwork" / "bench")
    parser.add_argument("--only", choices=("trangxa", "baselines"), help="run one side only")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()  # trangxa runs from the repository root: give it absolute paths
    args.cold_runs = args.cold_runs or args.runs
    bench = Bench(args)
    args.work.mkdir(parents=True, exist_ok=True)
    bench.prepare()
    print("| build | median s | min–max s | runs | HTML pages | pages/s | peak RSS MiB |", flush=True)
    trangxa = bench.trangxa_all() if args.only != "baselines" else []
    pelican = bench.pelican() if args.only != "trangxa" else []
    hugo = bench.hugo() if args.only != "trangxa" else []
    bench.write(bench.ratios(trangxa, pelican, hugo) if trangxa and pelican else [])


if __name__ == "__main__":
    main()
