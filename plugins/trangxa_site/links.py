"""Links between the records of a site, both ways: "Thay thế văn bản 58/QĐ-UBND" on the new document and "Bị
thay thế bởi văn bản 112/QĐ-UBND" on the old one; and a document linked alone in a paragraph of a news item,
shown as a card with its number, date and status."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from pelican.contents import Content

from trangxa.law.profile import Profile
from trangxa.checks.references import references

LONE_LINK = re.compile(r'<p>\s*<a href="(?P<href>[^":]+)">(?P<text>[^<]*)</a>\s*</p>')


@dataclass(frozen=True)
class Link:
    label: str  # the referring field's label
    text: str  # as written: "58/QĐ-UBND"
    target: Content | None  # the page it names, when the site has it


@dataclass
class Links:
    """The links of one record: those it makes (by field), and those other records make to it (by label)."""

    out: list[Link] = field(default_factory=list)
    inverse: dict[str, list[Content]] = field(default_factory=dict)


def link_map(profile: Profile, pages: list[Content]) -> dict[str, Links]:
    """Every record's links, keyed by the record's URL."""
    by_rel = {page.entry.rel: page for page in pages}
    result: dict[str, Links] = {}
    for ref in references(profile, [page.entry for page in pages]):
        source = by_rel[ref.source.rel]
        target = by_rel.get(ref.target.rel) if ref.target else None
        result.setdefault(source.url, Links()).out.append(Link(ref.field.label, ref.text, target))
        if target is not None and ref.field.inverse:
            result.setdefault(target.url, Links()).inverse.setdefault(ref.field.inverse, []).append(source)
    return result


def card_links(page: Content, by_url: dict[str, Content], render_card) -> None:
    """Replace, in the page's HTML, each paragraph that is only a link to a record with a listing (a document)
    by that record's card. ``render_card(record, href)`` gives the card's HTML."""
    html = page._content

    def replace(match: re.Match) -> str:
        target = by_url.get(_resolve(page.url, match["href"]))
        return str(render_card(target, match["href"])) if target is not None else match[0]

    if html and "<a href" in html:
        page._content = LONE_LINK.sub(replace, html)


def _resolve(page_url: str, href: str) -> str:
    path = posixpath.normpath(posixpath.join(page_url, href.split("#", 1)[0]))
    return f"{path}/" if path != "." else ""
