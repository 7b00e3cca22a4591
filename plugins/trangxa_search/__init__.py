"""Pelican plugin: static search (Pagefind), written once a site's pages are.

Every page the site generator marks for search (items, category pages, shared pages, albums) is indexed from its
``<main>``, with folded twins of the words that contain đ (``twins``) so that "doan" finds "Đoàn". The search page
(``tim-kiem/``) and ``theme/js/search.js`` query it; the provincial index has one index of its own over every
commune's documents and procedures (``indexer.write_province_index``).
"""

from pathlib import Path

from pelican import signals

from trangxa.law.findings import Problem

from trangxa_search.indexer import write_index, write_province_index


def index_site(pelican) -> None:
    """Connected to ``finalized``: index what the run wrote. A failure is a finding for this site only. The
    provincial index's run (no commune) indexes its own pages and every commune's documents and procedures."""
    run = pelican.settings.get("TRANGXA_RUN")
    if run is None or not run.search_pages:
        return
    site = Path(pelican.output_path)
    try:
        if run.commune is None:
            run.search_indexed = write_province_index(site, run.search_pages,
                                                      list(pelican.settings.get("TRANGXA_COMMUNE_SLUGS", [])))
        else:
            run.search_indexed = write_index(site, run.search_pages)
    except Exception as err:  # noqa: BLE001 - the site stays published without search; the report says why
        run.report(f"{run.name}/pagefind", Problem("search-failed", {"detail": f"{type(err).__name__}: {err}"}))


def register() -> None:
    signals.finalized.connect(index_site)
