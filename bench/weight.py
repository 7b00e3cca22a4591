"""What a reader downloads: an article page (HTML + CSS + script, gzip), and the search index bytes a query costs,
measured in headless Chromium (Debian's /usr/bin/chromium) over a built output served on loopback.

    python3 bench/weight.py OUTPUT [--commune SLUG] [--query "ủy ban nhân dân" …]

OUTPUT is a built province (``invoke build``'s ``output/``, or bench/run.py's ``<work>/out/output``). For search,
every response under ``pagefind/`` is counted as sent (Pagefind's index files are compressed already; the server
adds no compression): the first query on a fresh page (Pagefind's script, WebAssembly, entry, metadata and the
chunks and fragments of that query) and one more query on the same page, on a commune's search and on the
provincial search (which merges every commune's index).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, serve  # noqa: E402

QUERIES = ("ủy ban nhân dân", "dang uy", "hộ nghèo", "khai sinh", "quy hoạch đất đai")


def article_weight(site: Path) -> list[int]:
    """gzip bytes of each news article page plus the stylesheet and script every page loads."""
    theme = site / "theme"
    assets = sum(len(gzip.compress((theme / rel).read_bytes())) for rel in ("css/site.css", "js/site.js"))
    pages = [page for page in (site / "tin-tuc").glob("*/index.html") if not page.parent.name.startswith("trang-")]
    return [len(gzip.compress(page.read_bytes())) + assets for page in pages]  # trang-2/ …: the listing's pages


def query_bytes(browser, url: str, queries: tuple[str, ...]) -> list[int]:
    """Bytes under pagefind/ for each query in turn, typed into one page as a reader would."""
    context = browser.new_context()  # its own HTTP cache: nothing left from the previous query's page
    page = context.new_page()
    counted: list[int] = [0]
    page.on("requestfinished",
            lambda request: counted.__setitem__(0, counted[0] + request.sizes()["responseBodySize"])
            if "/pagefind/" in request.url else None)
    page.goto(url)
    sizes = []
    for query in queries:
        before = counted[0]
        page.fill("#q", query)
        page.press("#q", "Enter")
        page.wait_for_selector("#trang-thai:has-text('kết quả')")
        page.wait_for_load_state("networkidle")
        sizes.append(counted[0] - before)
    context.close()
    return sizes


def search_weight(output: Path, commune: str, queries: tuple[str, ...]) -> dict[str, list[list[int]]]:
    """For each search page: [first query, second query] bytes, once per query (each on a fresh page)."""
    found: dict[str, list[list[int]]] = {}
    with serve(output) as base, chromium() as browser:
        for label, url in (("commune", f"{base}{commune}/tim-kiem/"), ("province", f"{base}tim-kiem/")):
            found[label] = [query_bytes(browser, url, (query, queries[(n + 1) % len(queries)]))
                            for n, query in enumerate(queries)]
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--commune", help="default: the first commune")
    parser.add_argument("--query", action="append", help=f"default: {', '.join(QUERIES)}")
    args = parser.parse_args(argv)
    output = args.output.resolve()
    commune = args.commune or sorted(p.name for p in output.iterdir() if (p / "trangxa.json").is_file())[0]
    queries = tuple(args.query or QUERIES)
    pages = article_weight(output / commune)
    print(f"article pages of {commune}: {len(pages)}, HTML + CSS + JS gzip median {statistics.median(pages) / 1024:.1f} "
          f"KiB, max {max(pages) / 1024:.1f} KiB (budget 15 KiB)")
    communes = sum(1 for p in output.iterdir() if (p / "trangxa.json").is_file())
    for label, runs in search_weight(output, commune, queries).items():
        first, second = [run[0] for run in runs], [run[1] for run in runs]
        where = f"{commune}/tim-kiem/" if label == "commune" else f"tim-kiem/ ({communes} communes' indexes)"
        print(f"search on {where}: first query on a fresh page median {statistics.median(first) / 1024:.0f} KiB "
              f"(min {min(first) / 1024:.0f}, max {max(first) / 1024:.0f}); a further query median "
              f"{statistics.median(second) / 1024:.0f} KiB (max {max(second) / 1024:.0f})")
        for query, run in zip(queries, runs):
            print(f"    {query!r}: {run[0] / 1024:.0f} KiB, then {run[1] / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
