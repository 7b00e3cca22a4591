"""Lighthouse (npm ``lighthouse``, pinned in package.json: ``npm ci``) on the demo's page types, in Debian's headless
Chromium: mobile, simulated throttling (Lighthouse's defaults), several runs per page, the median of each category.

    python3 bench/lighthouse.py OUTPUT [--runs 3] [--page home --page article …] [--json results.json]

OUTPUT is a built province (``invoke build``'s ``output/``), served on loopback for the runs. Prints a Markdown
table: per page, the median score of performance, accessibility, best practices and SEO (0–100), the spread of
performance, and the median CLS, LCP and TBT; with ``--json`` also every run's scores. Lighthouse's simulated
throttling scales the main thread's work as measured on this machine: on a loaded machine (look at the load
average) TBT, and with it performance, rises — run it on an idle one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(BENCH))

from browser import serve  # noqa: E402
from pages import PAGES  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


def lighthouse(url: str) -> dict:
    """One Lighthouse run: {category: score 0–100, "cls": value}."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is not installed: run npm ci in the repository.")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch, "report.json")
        done = subprocess.run([str(binary), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--output=json",
                               f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
                               "--max-wait-for-load=90000"],
                              env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}: {done.stderr.strip()[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    scores["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"]
    scores["tbt"] = data["audits"]["total-blocking-time"]["numericValue"]
    return scores


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", help=f"default: all of {', '.join(PAGES)}")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    runs: dict[str, list[dict]] = {}
    print("| page | performance | accessibility | best practices | SEO | performance min–max | CLS | LCP ms | TBT ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    with serve(args.output.resolve()) as base:
        for name in args.page or PAGES:
            runs[name] = [lighthouse(base + PAGES[name]) for _ in range(args.runs)]
            median = {key: statistics.median(run[key] for run in runs[name]) for key in runs[name][0]}
            performance = [run["performance"] for run in runs[name]]
            print(f"| {name} (`{PAGES[name] or '/'}`) | {median['performance']:.0f} | {median['accessibility']:.0f} | "
                  f"{median['best-practices']:.0f} | {median['seo']:.0f} | {min(performance)}–{max(performance)} | "
                  f"{median['cls']:.3f} | {median['lcp']:.0f} | {median['tbt']:.0f} |", flush=True)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
