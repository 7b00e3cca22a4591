"""Static search (Pagefind): a site's index, written once its pages are — called by the site and index generators.

Every page a generator marks for search (items, category pages, shared pages, albums) is indexed from its
``<main>``, with folded twins of the words that contain đ (``twins``) so that "doan" finds "Đoàn". The search page
(``tim-kiem/``) and ``theme/js/search.js`` query it; the provincial index has one index of its own over every
commune's documents and procedures (``indexer.write_province_index``).
"""

from pathlib import Path

from trangxa.build.jobs import RenderResult
from trangxa.law.findings import Problem

from trangxa_search.indexer import write_index, write_province_index
from trangxa_search.records import SearchPage


def index_site(output: Path, pages: list[SearchPage], result: RenderResult, communes: list[str] | None = None,
               cache: Path | None = None) -> None:
    """Index what a site wrote — a commune's own pages, or (``communes`` given) the provincial index's pages and
    those communes' documents and procedures; ``cache``: the build's cache, where finished indexes are kept. A failure is a finding for this site only (it stays published
    without search)."""
    if not pages:
        return
    try:
        if communes is None:
            result.search_indexed = write_index(output, pages, cache)
        else:
            result.search_indexed = write_province_index(output, pages, communes, cache)
    except Exception as err:  # noqa: BLE001 - the site stays published without search; the report says why
        result.report(f"{result.site}/pagefind", Problem("search-failed", {"detail": f"{type(err).__name__}: {err}"}))
