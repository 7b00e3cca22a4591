"""Raw HTML in staff Markdown, made safe: an allow-list sanitiser (nh3, the maintained binding to Rust's
Ammonia) on the rendered HTML, and a scan of the source that reports, with its line, what will be removed —
scripts, event handlers, ``javascript:`` links, frames other than the allowed video embeds, styles that hide text.
External links get ``rel="noopener noreferrer"``."""

from __future__ import annotations

import re

import nh3

from trangxa.law.findings import Problem

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
    "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul", "iframe", "video", "source", "track",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen"},
    "video": {"controls", "poster", "width", "height", "preload"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
VIDEO_EMBED = re.compile(r"^https://www\.youtube-nocookie\.com/embed/[\w-]+(\?[\w=&-]*)?$")

# What the source scan looks for, each with the rule reported when found.
DANGERS = (
    (re.compile(r"<\s*script\b", re.I), "unsafe-html", "thẻ <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "unsafe-html", "thuộc tính sự kiện (on…=)"),
    (re.compile(r"javascript\s*:", re.I), "unsafe-html", "liên kết javascript:"),
    (re.compile(r"<\s*(object|embed|form|input|button|style|link|meta|base)\b", re.I), "unsafe-html", "thẻ {0}"),
    (re.compile(r"style\s*=", re.I), "unsafe-html", "định dạng style (có thể dùng để ẩn chữ)"),
)
IFRAME = re.compile(r"<\s*iframe\b[^>]*?src\s*=\s*[\"']([^\"']*)", re.I)


def scan(source: str, first_line: int = 1) -> list[Problem]:
    """Located warnings for what the sanitiser will remove from this Markdown source."""
    problems = []
    for number, line in enumerate(source.split("\n"), start=first_line):
        for pattern, rule, what in DANGERS:
            match = pattern.search(line)
            if match:
                problems.append(Problem(rule, {"what": what.format(*match.groups())}, number, match.start() + 1))
        for match in IFRAME.finditer(line):
            if not VIDEO_EMBED.match(match[1]):
                problems.append(Problem("unsafe-html", {"what": f"khung nhúng {match[1]}"}, number, match.start() + 1))
    return problems


def clean(html: str) -> str:
    """The HTML with only allowed tags, attributes and URL schemes; frames only for the allowed video host."""
    safe = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None, attribute_filter=_filter)
    return re.sub(r'<a href="(https?://[^"]*)"', r'<a href="\1" rel="noopener noreferrer"', safe)


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not VIDEO_EMBED.match(value):
        return None
    return value
