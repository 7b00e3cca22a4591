"""Raw HTML in staff Markdown, made safe: an allow-list sanitiser (nh3, the maintained binding to Rust's
Ammonia) on the rendered HTML, and a scan of the source that reports, with its line, what will be removed —
scripts, event handlers, ``javascript:`` links, frames other than the allowed video embeds, styles that hide text.
External links get ``rel="noopener noreferrer"``.

Pictures, video, their sources, captions and posters come only from the site itself: a ``src`` or ``poster`` on
another host is dropped (it would let that host see every reader, and feeds carry it where the site's CSP does
not apply); an embedded frame may only ``allow`` the harmless features of ALLOWED_FEATURES, never the camera,
microphone or location. HTML nested deeper than MAX_DEPTH is refused before the sanitiser sees it (its parser
takes quadratic time on nested blocks: 50,000 ``<div>`` took minutes) — the caller shows the text as plain."""

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
MEDIA = {"img", "video", "source", "track"}  # what loads by itself: only from the site
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.I)  # a scheme, or //host
ALLOWED_FEATURES = {"accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen", "gyroscope",
                    "picture-in-picture", "web-share"}  # what a YouTube embed asks for; no camera, microphone …
MAX_DEPTH = 100  # elements open at once (Markdown's own output nests a few levels)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
SOURCELESS = re.compile(r"<(?:img|source)\b(?![^>]*\ssrc=)[^>]*>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TooDeep(ValueError):
    """HTML nested deeper than MAX_DEPTH."""

# What the source scan looks for, each with the rule reported when found.
DANGERS = (
    (re.compile(r"<\s*script\b", re.I), "unsafe-html", "thẻ <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "unsafe-html", "thuộc tính sự kiện (on…=)"),
    (re.compile(r"javascript\s*:", re.I), "unsafe-html", "liên kết javascript:"),
    (re.compile(r"<\s*(object|embed|form|input|button|style|link|meta|base)\b", re.I), "unsafe-html", "thẻ {0}"),
    (re.compile(r"style\s*=", re.I), "unsafe-html", "định dạng style (có thể dùng để ẩn chữ)"),
)
IFRAME = re.compile(r"<\s*iframe\b[^<>]{0,1000}?src\s*=\s*[\"']([^\"']*)", re.I)
REMOTE_MEDIA = re.compile(r"<\s*(img|video|source|track)\b[^<>]{0,1000}?\b(?:src|poster)\s*=\s*[\"']?\s*"
                          r"((?:[a-z][a-z0-9+.-]*:|//)[^\"'\s>]*)", re.I)
REMOTE_IMAGE = re.compile(r"!\[[^\]\n]{0,1000}\]\(\s*<?((?:[a-z][a-z0-9+.-]*:|//)[^)\s>]*)", re.I)  # ![mô tả](https://…)
FEATURES = re.compile(r"<\s*iframe\b[^<>]{0,1000}?\ballow\s*=\s*[\"']([^\"']*)", re.I)


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
        for match in (*REMOTE_MEDIA.finditer(line), *REMOTE_IMAGE.finditer(line)):
            problems.append(Problem("unsafe-html", {"what": f"ảnh hoặc video lấy từ trang khác ({match[match.lastindex]})"},
                                    number, match.start() + 1))
        for match in FEATURES.finditer(line):
            denied = sorted(set(_features(match[1])) - ALLOWED_FEATURES)
            if denied:
                what = f"khung nhúng xin quyền {', '.join(denied)}"
                problems.append(Problem("unsafe-html", {"what": what}, number, match.start() + 1))
    return problems


def clean(html: str) -> str:
    """The HTML with only allowed tags, attributes and URL schemes; frames only for the allowed video host,
    pictures and video only from the site. Raises TooDeep for HTML nested deeper than MAX_DEPTH."""
    _check_depth(html)
    safe = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None, attribute_filter=_filter)
    safe = re.sub(r'<a href="(https?://[^"]*)"', r'<a href="\1" rel="noopener noreferrer"', safe)
    return SOURCELESS.sub("", safe)  # a picture whose address was dropped: nothing to show


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not VIDEO_EMBED.match(value):
        return None
    if tag in MEDIA and attribute in ("src", "poster") and OTHER_HOST.match(value):
        return None
    if tag == "iframe" and attribute == "allow":
        kept = [feature for feature in _features(value) if feature in ALLOWED_FEATURES]
        return "; ".join(kept) or None
    return value


def _features(allow: str) -> list[str]:
    """The feature names of an ``allow`` attribute ("camera 'src'; autoplay" → camera, autoplay)."""
    return [part.split()[0].lower() for part in allow.split(";") if part.split()]


def _check_depth(html: str) -> None:
    """A linear upper bound of the nesting (an unclosed tag counts as open): beyond MAX_DEPTH, refuse."""
    depth = 0
    for match in TAG.finditer(html):
        if match[1]:
            depth = max(0, depth - 1)
        elif match[2].lower() not in VOID:
            depth += 1
            if depth > MAX_DEPTH:
                raise TooDeep(f"quá {MAX_DEPTH} cấp")
