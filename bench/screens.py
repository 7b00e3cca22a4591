"""Screenshots of the demo's page types on phones and a laptop, to look at (headless Debian Chromium).

    python3 bench/screens.py OUTPUT [--out /work/bwork/screens] [--width 320 --width 390] [--full]

OUTPUT is a built province. Writes ``<out>/<page>-<width>.png`` (the first screen, or the whole page with
``--full``) and prints, per page and width, where the H1 starts and whether the page overflows sideways.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "tests"))
sys.path.insert(0, str(BENCH))

from browser import chromium, serve  # noqa: E402
from pages import PAGES  # noqa: E402

HEIGHTS = {320: 640, 390: 844, 1366: 768}


def shoot(browser, url: str, width: int, target: Path, full: bool) -> str:
    page = browser.new_page(viewport={"width": width, "height": HEIGHTS.get(width, 800)})
    page.goto(url, wait_until="networkidle")
    top = page.evaluate("(document.querySelector('h1:not(.visually-hidden)') || {getBoundingClientRect: () => "
                        "({top: -1})}).getBoundingClientRect().top")
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    page.screenshot(path=str(target), full_page=full)
    page.close()
    return f"H1 at y={top:.0f}, overflow {overflow} px"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/trangxa-screens"))
    parser.add_argument("--width", type=int, action="append")
    parser.add_argument("--page", action="append", help=f"default: all of {', '.join(PAGES)}")
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.output.resolve()) as base, chromium() as browser:
        for name in args.page or PAGES:
            for width in args.width or (320, 390):
                target = args.out / f"{name}-{width}.png"
                print(f"{name:10} {width:5}: {shoot(browser, base + PAGES[name], width, target, args.full)}  {target}")


if __name__ == "__main__":
    main()
