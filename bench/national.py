"""National scale in CI shards: one shard of a synthetic country of 3,321 communes × 50 articles, built as the CI
job of that shard would build it (``trangxa build --shard K/N``), timed and measured like bench/run.py.

    python3 bench/national.py [--shard 1/64] [--communes 3321] [--articles 50] [--runs 3] [--cold-runs 1] [--work DIR]

Only the shard's own communes are written (commune numbers K, K+N, K+2N …, the ones ``--shard K/N`` selects from
the whole country), so a shard costs what it costs in CI without writing the whole country first. The result is
the shard's wall time (cold: no picture cache; and with the picture cache a CI job restores), its peak memory and
pages, and the whole country's time on one such machine (N × the shard's median) or on N runners at once.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402
from run import TODAY, Figure, html_pages, measure, refuse_foreign  # noqa: E402


def shard_numbers(shard: str, communes: int) -> list[int]:
    """The commune numbers (1-based, in slug order) that ``--shard K/N`` gives shard K."""
    k, n = (int(part) for part in shard.split("/"))
    return list(range(k, communes + 1, n))


def write_shard(work: Path, numbers: list[int], articles: int, seed: int) -> Path:
    stamp = {"numbers": numbers, "articles": articles, "seed": seed}
    corpus, stamp_file = work / "corpus", work / "corpus.json"
    if not stamp_file.is_file() or json.loads(stamp_file.read_text()) != stamp:
        refuse_foreign(work)
        shutil.rmtree(work, ignore_errors=True)
        print(f"writing {len(numbers)} communes × {articles} articles …", flush=True)
        for number in numbers:
            synth.province(corpus, 1, articles, seed, first=number)
        stamp_file.write_text(json.dumps(stamp))
    return corpus


def build_command(corpus: Path, output: Path) -> list[str]:
    # every commune written is the shard's: building them all is what --shard K/N builds of the whole country
    return [sys.executable, "-m", "trangxa", "build", "--communes-dir", str(corpus / "communes"), "--province",
            str(corpus / "province.yml"), "--output", str(output), "--today", TODAY, "--shard", "1/1"]


def run(args: argparse.Namespace) -> list[str]:
    numbers = shard_numbers(args.shard, args.communes)
    corpus = write_shard(args.work, numbers, args.articles, args.seed)
    output, cache = args.work / "out" / "output", args.work / "out" / ".trangxa-cache"
    figures = []
    for label, drop_cache, runs in (("shard cold (no picture cache)", True, args.cold_runs or args.runs),
                                    ("shard, picture cache kept", False, args.runs)):
        figure = Figure(label)
        for _ in range(runs):
            for entry in (args.work / "out").iterdir() if (args.work / "out").is_dir() else []:
                if drop_cache or entry != cache:
                    shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
            seconds, peak = measure(build_command(corpus, output))
            figure.times.append(seconds)
            figure.peaks.append(peak)
        figure.pages = html_pages(output)
        figures.append(figure)
        print(figure.row(), flush=True)
    shards = int(args.shard.split("/")[1])
    lines = [f"Shard {args.shard} of {args.communes} communes × {args.articles} articles: {len(numbers)} communes, "
             f"{args.runs} runs ({args.cold_runs or args.runs} cold)", "",
             "| build | median s | min–max s | runs | HTML pages | pages/s | peak RSS MiB |", "|---|---|---|---|---|---|---|",
             *(figure.row() for figure in figures), ""]
    for figure in figures:
        lines.append(f"- {figure.label}: the country on one machine ≈ {shards} × {figure.median:.1f} s = "
                     f"{shards * figure.median / 3600:.2f} h; on {shards} runners at once ≈ {figure.median:.0f} s "
                     f"+ the merge")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shard", default="1/64")
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=None, help="runs with no picture cache (default --runs)")
    parser.add_argument("--work", type=Path, default=BENCH.parents[1] / "bwork" / "national")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()  # trangxa runs from the repository root: give it absolute paths
    args.work.mkdir(parents=True, exist_ok=True)
    text = "\n".join(run(args)) + "\n"
    (args.work / "results.md").write_text(text, encoding="utf-8")
    print("\n" + text)


if __name__ == "__main__":
    main()
