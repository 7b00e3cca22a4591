"""Benchmark: making one picture's renditions — today's pipeline against the pipeline of 2026-12-03 (the baseline,
kept here as it was), in one run, on the same pictures.

    python3 bench/pictures.py [--synthetic 12] [--runs 3] [--methods 4,2]

Pictures: the benchmark's synthetic photos (``synth.photo``: 1280×853 with grain, the kind the 100-commune bench
builds) and the demo's real-looking photos (every JPEG of ``communes/`` at least 640 px wide). For each pipeline
(today's with each WebP effort in ``--methods``): the median CPU time per picture over the runs (``process_time``:
the machine may be busy, the work is one core's), the bytes of the WebP renditions (what phones download) and of
everything written, and the quality — SSIM of each WebP rendition against the picture resized straight from the
source with Lanczos, the mean per width — and the same for the baseline, with the ratios. Needs numpy and scipy
(``pip install numpy scipy``; not needed by the build).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from trangxa_media import images  # noqa: E402


def baseline_make(source: Path, entry: Path) -> list[tuple[str, int]]:
    """The pipeline as it was on 2026-12-03: every width from the largest, WebP (effort 4) and a JPEG/PNG fallback
    at every width."""
    from PIL import Image

    clean = images.open_clean(source, max(images.WIDTHS))
    width, height = clean.size
    own = images._source_format(source)
    fallback = images._fallback_format(own, clean)
    lossless = own in ("PNG", "GIF")
    entry.mkdir(parents=True)
    written = []
    for size in images._sizes(width, height):
        resized = clean if size[0] == width else clean.resize(size, resample=Image.Resampling.LANCZOS)
        extra = [own] if size[0] == width and own not in ("WEBP", fallback) else []
        for fmt in ["WEBP", fallback] + extra:
            path = entry / f"{size[0]}{images.SUFFIX[fmt]}"
            if fmt == "WEBP":
                resized.save(path, "WEBP", quality=images.QUALITY["WEBP"], method=4, lossless=lossless)
            else:
                images._save(resized, path, fmt, lossless)
            written.append((path.name, size[0]))
    return written


def current_make(source: Path, entry: Path) -> list[tuple[str, int]]:
    renditions, _, _ = images._make(source, entry)
    return [(r.name, r.width) for r in renditions]


def ssim(a, b) -> float:
    """Mean SSIM of two pictures of the same size, on luma, 7×7 uniform windows (Wang et al. 2004 constants)."""
    import numpy as np
    from scipy.ndimage import uniform_filter

    x = np.asarray(a.convert("L"), dtype=np.float64)
    y = np.asarray(b.convert("L"), dtype=np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = uniform_filter(x, 7), uniform_filter(y, 7)
    sxx, syy, sxy = uniform_filter(x * x, 7) - mx ** 2, uniform_filter(y * y, 7) - my ** 2, uniform_filter(x * y, 7) - mx * my
    return float((((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (sxx + syy + c2))).mean())


def measure(make, sources: list[Path], runs: int, work: Path) -> dict:
    from PIL import Image

    times, webp, total, quality = [], 0, 0, {}
    work = Path(tempfile.mkdtemp(dir=work))
    for run in range(runs):
        started = time.process_time()
        outputs = [(source, work / f"{make.__name__}-{run}-{n}") for n, source in enumerate(sources)]
        written = [make(source, entry) for source, entry in outputs]
        times.append((time.process_time() - started) / len(sources))
    for (source, entry), files in zip(outputs, written):
        clean = images.open_clean(source, max(images.WIDTHS))
        for name, width in files:
            size = (entry / name).stat().st_size
            total += size
            if name.endswith(".webp"):
                webp += size
                with Image.open(entry / name) as made:
                    reference = clean if made.size == clean.size else clean.resize(made.size, Image.Resampling.LANCZOS)
                    quality.setdefault(width if width in images.WIDTHS else "full", []).append(ssim(reference, made))
    return {"cpu": statistics.median(times), "spread": (min(times), max(times)), "webp": webp, "total": total,
            "ssim": {width: statistics.mean(values) for width, values in sorted(quality.items(), key=str)}}


def pictures(synthetic: int, work: Path) -> dict[str, list[Path]]:
    from PIL import Image

    rng = random.Random(20261203)
    made = []
    for n in range(synthetic):
        path = work / f"synth-{n}.jpg"
        path.write_bytes(synth.photo(rng))
        made.append(path)
    demo = [p for p in sorted((ROOT / "communes").rglob("*.jpg")) if Image.open(p).size[0] >= 640]
    return {"synthetic (bench)": made, "demo (real-looking)": demo}


def line(label: str, result: dict, base: dict) -> str:
    quality = "  ".join(f"{width}:{value:.4f}" for width, value in result["ssim"].items())
    return (f"  {label:22} {result['cpu'] * 1000:7.1f} ms/picture (min {result['spread'][0] * 1000:.1f}, max "
            f"{result['spread'][1] * 1000:.1f})  {base['cpu'] / result['cpu']:4.2f}× faster  WebP "
            f"{result['webp'] / 1e3:8.1f} kB ({result['webp'] / base['webp']:.3f})  all {result['total'] / 1e3:8.1f} kB "
            f"({result['total'] / base['total']:.3f})  SSIM {quality}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--methods", default="4,2", help="WebP efforts to measure today's pipeline with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, sources in pictures(args.synthetic, work).items():
            print(f"{label}: {len(sources)} pictures, median of {args.runs} runs")
            base = measure(baseline_make, sources, args.runs, work)
            print(line("baseline (2026-12-03)", base, base))
            for method in (int(m) for m in args.methods.split(",")):
                images.WEBP_METHOD = method
                print(line(f"today, WebP effort {method}", measure(current_make, sources, args.runs, work), base))


if __name__ == "__main__":
    main()
