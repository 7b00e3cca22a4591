"""What staff link to from a Markdown body: files beside the item that must exist, images that need a text
alternative. Read from the source, so each finding has its line (the rendered HTML no longer knows it)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from trangxa.law.findings import Problem

# ![alt](target "title") and [text](target); <img src="…" alt="…"> and <a href="…"> in raw HTML
# (bounded: a line of thousands of unclosed "[" or "<a " must not cost each start a scan to the line's end)
MD_LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\]]{0,1000})\]\(\s*<?(?P<target>[^)\s>\[\]]{1,2000})>?"
                     r"(?:\s+\"[^\"]{0,1000}\")?\s*\)")
HTML_REF = re.compile(r"<(?P<tag>img|a)\b[^<>]{0,1000}?\b(?:src|href)\s*=\s*[\"'](?P<target>[^\"']{1,2000})[\"']"
                      r"[^<>]{0,1000}>", re.I)
HTML_ALT = re.compile(r"\balt\s*=\s*[\"'](?P<alt>[^\"']*)[\"']", re.I)
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)")


def scan_body(body: str, first_line: int, source: Path, root: Path) -> list[Problem]:
    """Links to files that are not there (``broken-link``) and images without alt text, each at its line.
    Only links naming a file (with an extension) are checked: a category page like ``../van-ban/`` always exists."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        for target, is_image, alt, column in _references(line):
            if is_image and not alt.strip():
                problems.append(Problem("missing-alt-markdown", {"value": target}, number, column))
            if not EXTERNAL.match(target) and not _exists(target, source, root):
                problems.append(Problem("broken-link", {"value": target}, number, column))
    return problems


def _references(line: str):
    for match in MD_LINK.finditer(line):
        yield match["target"], bool(match["image"]), match["text"], match.start() + 1
    for match in HTML_REF.finditer(line):
        alt = HTML_ALT.search(match[0])
        yield match["target"], match["tag"].lower() == "img", alt["alt"] if alt else "", match.start() + 1


def _exists(target: str, source: Path, root: Path) -> bool:
    path = PurePosixPath(unquote(target.split("#", 1)[0].split("?", 1)[0]))
    if not path.suffix:
        return True
    resolved = (source.parent / path).resolve()
    return resolved.is_relative_to(root.resolve()) and resolved.is_file()
