"""What a page gives the search index: the text of its ``<main>`` with đ-twins, its title and date as metadata,
its category as a filter. Built from the page as written, so that the index holds exactly what readers see."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from trangxa_search.ranking import ranking
from trangxa_search.twins import html_with_twins

MAIN = re.compile(r"<main\b[^>]*>(?P<inner>.*)</main>", re.S)
H1 = re.compile(r"<h1\b[^>]*>(?P<text>.*?)</h1>", re.S)
LANG = re.compile(r'<html lang="(?P<lang>[a-z-]+)"')
# Pagefind runs a field's label and value together ("Số, ký hiệu112/QĐ-UBND"): a space after these cells
CELL_END = re.compile(r"(</(?:dt|dd|td|th|tr|figcaption|caption)>)")
# Not indexed: a record's field labels ("Số, ký hiệu", "Người ký" on every document: words every page has, which
# only swell the index a query downloads) and its list of files (names and sizes)
BOILERPLATE = re.compile(r'<dt\b[^>]*>.*?</dt>|<section class="downloads".*?</section>', re.S)
CATEGORY_FILTER = "chuyen-muc"  # the filter readers narrow results by (a top-level category)
BOOST_FILTER = "uu-tien"  # the factor search.js multiplies a result's score by (ranking.yml: boost)


@dataclass(frozen=True)
class SearchPage:
    """A written page to index: its URL below the site root, its file, its top-level category, its date."""

    url: str
    path: Path
    category: str
    date: dt.date | None = None


def record_html(page: SearchPage, filters: dict[str, str] | None = None) -> str | None:
    """The HTML handed to Pagefind for one page, or None for a page without a main region or a page for staff.
    Its words are weighted by its category (``ranking.yml``); ``filters`` adds filter values (the provincial
    index: the commune)."""
    rank = ranking()
    if rank.is_staff(page.url):
        return None
    text = page.path.read_text(encoding="utf-8")
    main = MAIN.search(text)
    if main is None:
        return None
    heading = H1.search(main["inner"])
    title = re.sub(r"<[^>]+>", "", heading["text"]).strip() if heading else ""
    lang = LANG.search(text)
    meta = [_attribute("data-pagefind-meta", "title", html.unescape(title)),
            _attribute("data-pagefind-filter", CATEGORY_FILTER, page.category)]
    if page.date:
        meta.append(_attribute("data-pagefind-meta", "date", page.date.isoformat()))
    meta += [_attribute("data-pagefind-filter", key, value) for key, value in (filters or {}).items()]
    if rank.boost(page.url) != 1:
        meta.append(_attribute("data-pagefind-filter", BOOST_FILTER, f"{rank.boost(page.url):g}"))
    weight = rank.weight(page.url)
    text = html_with_twins(CELL_END.sub(r"\1 ", BOILERPLATE.sub(" ", main["inner"])), weight)
    body = f'<div data-pagefind-weight="{weight:g}">{text}</div>' if weight != 1 else text
    return (f'<!doctype html><html lang="{lang["lang"] if lang else "vi"}"><body><main data-pagefind-body>'
            f'{"".join(meta)}{body}</main></body></html>')


def _attribute(kind: str, key: str, value: str) -> str:
    """An empty element carrying a meta, filter or sort value in an attribute (so it is not also page text)."""
    return f'<span {kind}="{key}[data-value]" data-value="{html.escape(value)}"></span>'
