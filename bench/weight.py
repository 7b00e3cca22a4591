"""What a reader downloads: an article page (HTML + CSS + script, gzip), and the search index bytes a query costs,
measured in headless Chromium (Debian's /usr/bin/chromium) over a built output served on loopback.

    python3 bench/weight.py OUTPUT [--commune SLUG] [--query "ủy ban nhân dân" …]

OUTPUT is a built province (``invoke build``'s ``output/``, or bench/run.py's ``<work>/out/output``). For search,
every response under ``pagefind/`` is counted as sent (Pagefind's index files are compressed already; the server
adds no compression): the first query on a fresh page (Pagefind's script, WebAssembly, entry, metadata and the
chunks and fragments of that query — everything under pagefind/ from opening the page to the query's first page
of results) and one more query on the same page, on a commune's search and on the provincial search (its own
index of every commune's documents and procedures); bytes and requests.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium  # noqa: E402

QUERIES = ("ủy ban nhân dân", "dang uy", "hộ nghèo", "khai sinh", "quy hoạch đất đai")


def article_weight(site: Path) -> list[int]:
    """gzip bytes of each news article page plus the stylesheet and script every page loads."""
    theme = site / "theme"
    assets = sum(len(gzip.compress((theme / rel).read_bytes())) for rel in ("css/site.css", "js/site.js"))
    pages = [page for page in (site / "tin-tuc").glob("*/index.html") if not page.parent.name.startswith("trang-")]
    return [len(gzip.compress(page.read_bytes())) + assets for page in pages]  # trang-2/ …: the listing's pages


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the output and notes each file sent under pagefind/ (size on disk: Pagefind's files are compressed
    already, and this server adds no compression). Counted here, where the bytes leave, not from the browser's
    events, which miss what Pagefind's worker streams into WebAssembly."""

    sent: list[int] = []

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        answer = super().send_head()
        if answer is not None and "/pagefind/" in self.path:
            Counting.sent.append(os.fstat(answer.fileno()).st_size)
        return answer


@contextlib.contextmanager
def serve_counting(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def query_bytes(browser, url: str, queries: tuple[str, ...]) -> list[tuple[int, int]]:
    """(bytes, requests) under pagefind/ for each query in turn, typed into one page as a reader would; the first
    counts from the page's opening (the search library and the index's entry load with the page)."""
    context = browser.new_context()  # its own HTTP cache: nothing left from the previous query's page
    page = context.new_page()
    Counting.sent.clear()
    page.goto(url)
    sizes, before = [], (0, 0)
    for query in queries:
        page.fill("#q", query)
        page.press("#q", "Enter")
        page.wait_for_function("q => document.querySelector('#trang-thai').textContent.includes('kết quả') && "
                               "document.querySelector('#trang-thai').textContent.includes(q)", arg=query)
        page.wait_for_load_state("networkidle")
        now = (sum(Counting.sent), len(Counting.sent))
        sizes.append((now[0] - before[0], now[1] - before[1]))
        before = now
    context.close()
    return sizes


def search_weight(output: Path, commune: str, queries: tuple[str, ...]) -> dict[str, list[list[tuple[int, int]]]]:
    """For each search page: [first query, second query] (bytes, requests), once per query (each on a fresh page)."""
    found: dict[str, list[list[tuple[int, int]]]] = {}
    with serve_counting(output) as base, chromium() as browser:
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
    if pages:
        print(f"article pages of {commune}: {len(pages)}, HTML + CSS + JS gzip median {statistics.median(pages) / 1024:.1f} "
              f"KiB, max {max(pages) / 1024:.1f} KiB (budget 15 KiB)")
    communes = sum(1 for p in output.iterdir() if (p / "trangxa.json").is_file())
    for label, runs in search_weight(output, commune, queries).items():
        first, second = [run[0][0] for run in runs], [run[1][0] for run in runs]
        requests = [run[0][1] for run in runs]
        where = f"{commune}/tim-kiem/" if label == "commune" else f"tim-kiem/ (the province of {communes} communes)"
        print(f"search on {where}: first query on a fresh page median {statistics.median(first) / 1024:.0f} KiB "
              f"(min {min(first) / 1024:.0f}, max {max(first) / 1024:.0f}) in median {statistics.median(requests):.0f} "
              f"requests (max {max(requests)}); a further query median {statistics.median(second) / 1024:.0f} KiB "
              f"(max {max(second) / 1024:.0f})")
        for query, run in zip(queries, runs):
            print(f"    {query!r}: {run[0][0] / 1024:.0f} KiB in {run[0][1]} requests, then {run[1][0] / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
