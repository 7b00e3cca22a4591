"""Benchmark: the image pipeline over every picture of a communes tree (the demo by default), cold and warm.

    python3 bench/images.py [--communes communes/] [--runs 5]

Cold: an empty cache, every picture decoded, resized and encoded. Warm: the same cache, nothing to make, every
rendition hard-linked into a fresh output. One process, one core (the build spreads communes over the cores).
Prints, for each, the median and the spread (min–max) of the wall time over the runs, the pictures made and
reused, the bytes of the sources and of every rendition written.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from trangxa.read.attachments import IMAGE_SUFFIXES  # noqa: E402
from trangxa_media.images import ImageStats, publish  # noqa: E402


def pictures(communes: Path) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(communes.rglob("*")):
        rel = path.relative_to(communes)
        if path.suffix.lower() in IMAGE_SUFFIXES and not rel.parts[0].startswith(("_", ".")):
            found.append((path, rel.as_posix()))
    return found


def one_run(sources: list[tuple[Path, str]], cache: Path, work: Path) -> tuple[float, ImageStats]:
    stats = ImageStats()
    output = Path(tempfile.mkdtemp(dir=work))
    started = time.perf_counter()
    for path, rel in sources:
        publish(path, rel, output, cache, stats)
    return time.perf_counter() - started, stats


def report(label: str, times: list[float], stats: ImageStats) -> str:
    return (f"{label:5} median {statistics.median(times):7.3f} s  (min {min(times):.3f}, max {max(times):.3f}, "
            f"{len(times)} runs)  made {stats.made:4}  reused {stats.reused:4}  "
            f"sources {stats.source_bytes / 1e6:6.2f} MB  renditions {stats.output_bytes / 1e6:6.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communes", type=Path, default=ROOT / "communes")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sources = pictures(args.communes)
    print(f"{len(sources)} pictures in {args.communes}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cold, warm = [], []
        for run in range(args.runs):
            cache = work / f"cache-{run}"
            seconds, cold_stats = one_run(sources, cache, work)  # an empty cache: everything is made
            cold.append(seconds)
            seconds, warm_stats = one_run(sources, cache, work)  # the same cache: nothing is made
            warm.append(seconds)
        print(report("cold", cold, cold_stats))
        print(report("warm", warm, warm_stats))
        print(f"ratio cold/warm (medians): {statistics.median(cold) / statistics.median(warm):.0f}×")


if __name__ == "__main__":
    main()
