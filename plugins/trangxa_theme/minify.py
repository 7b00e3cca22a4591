"""A small, safe minifier for our own CSS and JavaScript: comments and layout whitespace out, nothing rewritten.

Only what our files contain is handled (no strings holding comment markers in CSS; in JavaScript only whole-line
comments and indentation are removed, so no regular expression or string is ever touched)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s+")
CSS_AROUND = re.compile(r"\s*([{};,>])\s*")  # never + or -: calc() needs the spaces around them
CSS_COLON = re.compile(r":\s+")  # "color: red" (a selector never has a space after its colon)
JS_BLOCK_COMMENT = re.compile(r"^\s*/\*.*?\*/\s*$", re.S | re.M)
JS_LINE_COMMENT = re.compile(r"^\s*//.*$", re.M)


def minify_css(text: str) -> str:
    text = CSS_COMMENT.sub("", text)
    text = CSS_SPACE.sub(" ", text)
    text = CSS_AROUND.sub(r"\1", text)
    text = CSS_COLON.sub(":", text)
    return text.replace(";}", "}").strip() + "\n"


def minify_js(text: str) -> str:
    text = JS_BLOCK_COMMENT.sub("", text)
    text = JS_LINE_COMMENT.sub("", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


MINIFIERS = {".css": minify_css, ".js": minify_js}


def minify_folder(folder: Path) -> None:
    """Every .css and .js file below ``folder`` replaced by its minified text (a new file: a published file may be
    a link that must not be written through)."""
    for path in sorted(folder.rglob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify is not None and path.is_file():
            _replace(path, minify(path.read_text(encoding="utf-8")))


def _replace(path: Path, text: str) -> None:
    handle, scratch = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(scratch, 0o644)  # readable by the web server, as the copy it replaces was
    os.replace(scratch, path)
