"""Reading the files staff write: text decoding, strict YAML with locations, front matter.

PyYAML's default loader changes data (YAML 1.1: ``gio: 7:30`` becomes 450, ``no`` a boolean, a repeated key
silently keeps the last value). We compose with ``BaseLoader`` so every scalar stays a string, reject duplicate
keys, and keep the line of every top-level key so a finding can point at it. The profile converts the fields it
declares as dates or numbers (``records``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import unicodedata
from pathlib import Path

import yaml

from trangxa.read import encodings

from trangxa.law.findings import Problem, ProblemError
from trangxa.text import nfc


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping read strictly: plain values (str, list, dict) and the 1-based line of each key."""

    data: dict
    lines: dict[str, int] = field(default_factory=dict)
    paths: dict[str, int] = field(default_factory=dict)  # every key, nested ones too ("lich.nghi_them.0") → line


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    header: str
    header_line: int  # line of the first header line in the file
    body: str
    body_line: int


# libyaml's loader where PyYAML was built with it (the wheels are): the same nodes and marks, ten times faster
LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
MAX_TEXT_BYTES = 1_000_000  # a content file larger than this is not a page someone typed


@dataclass(frozen=True)
class Source:
    """A content file's text, and what was noticed (and repaired in memory) while reading it."""

    text: str
    problems: tuple[Problem, ...] = ()


def read_source(path: Path) -> Source:
    """The file as NFC text with ``\\n`` line ends, a byte-order mark dropped. Text that is not UTF-8 is a
    problem naming the likely legacy encoding; decomposed (NFD) or pasted TCVN3 text is read, with a warning."""
    raw = path.read_bytes()
    if len(raw) > MAX_TEXT_BYTES:
        raise ProblemError(Problem("file-too-large", {"size": len(raw) // 1000, "limit": MAX_TEXT_BYTES // 1000}))
    if b"\x00" in raw:
        raise ProblemError(Problem("binary-file", {}, raw[: raw.index(b"\x00")].count(b"\n") + 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        guess = encodings.guess_bytes(raw)
        raise ProblemError(Problem("encoding", {"guess": ENCODING_NAMES.get(guess, "không rõ")}, line)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(nfc(text), tuple(_noticed(text)))


ENCODING_NAMES = {"windows-1258": "Windows-1258", "tcvn3": "TCVN3 (phông .VnTime)"}


def _noticed(text: str) -> list[Problem]:
    problems = []
    if not unicodedata.is_normalized("NFC", text):
        line = next(n for n, row in enumerate(text.split("\n"), 1) if not unicodedata.is_normalized("NFC", row))
        problems.append(Problem("nfd-text", {}, line))
    if encodings.looks_like_tcvn3(text):
        line = next((n for n, row in enumerate(text.split("\n"), 1) if encodings.looks_like_tcvn3(row)), 1)
        problems.append(Problem("legacy-text", {}, line))
    return problems


def read_text(path: Path) -> str:
    return read_source(path).text


def load_mapping(text: str, first_line: int = 1, aliases: bool = False) -> Mapping:
    """Parse YAML text that must be a mapping; problems carry lines counted from ``first_line``."""
    offset = first_line - 1
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.startswith("\t") or (line.lstrip(" ").startswith("\t") and line.strip()):
            raise ProblemError(Problem("yaml-tab", {}, number, line.index("\t") + 1))
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + offset if mark else None
        column = mark.column + 1 if mark else None
        raise ProblemError(Problem("yaml-syntax", {"detail": err.problem or str(err)}, line, column)) from None
    except yaml.YAMLError as err:
        raise ProblemError(Problem("yaml-syntax", {"detail": str(err)}, first_line)) from None
    if node is None:
        return Mapping({}, {})
    if not isinstance(node, yaml.MappingNode):
        raise ProblemError(Problem("yaml-not-mapping", {}, node.start_mark.line + 1 + offset))
    paths: dict[str, int] = {}
    data = _plain(node, offset, "", paths)
    lines = {key.value: key.start_mark.line + 1 + offset for key, _ in node.value}
    return Mapping(data, lines, paths)


def _plain(node: yaml.Node, offset: int, path: str, paths: dict[str, int]):
    """Nodes to plain Python values (every scalar a NFC string), noting the line of every key and list item
    in ``paths``; a repeated key is a problem."""
    if isinstance(node, yaml.ScalarNode):
        return nfc(node.value)
    if isinstance(node, yaml.SequenceNode):
        values = []
        for index, item in enumerate(node.value):
            paths[f"{path}{index}"] = item.start_mark.line + 1 + offset
            values.append(_plain(item, offset, f"{path}{index}.", paths))
        return values
    result: dict = {}
    for key_node, value_node in node.value:
        key = _plain(key_node, offset, path, paths)
        line = key_node.start_mark.line + 1 + offset
        if not isinstance(key, str):
            raise ProblemError(Problem("yaml-not-mapping", {}, line))
        if key in result:
            raise ProblemError(Problem("yaml-duplicate-key", {"key": key}, line, key_node.start_mark.column + 1))
        paths[f"{path}{key}"] = line
        result[key] = _plain(value_node, offset, f"{path}{key}.", paths)
    return result


def split_front_matter(text: str) -> FrontMatter:
    """Split ``---`` front matter from a Markdown body. A file without it is a problem: the title lives there."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ProblemError(Problem("front-matter-missing", {}, 1))
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return FrontMatter(header, 2, body, index + 2)
    raise ProblemError(Problem("front-matter-unclosed", {}, 1))


def load_file_mapping(path: Path, aliases: bool = False) -> Mapping:
    """A whole YAML file read strictly as a mapping (``aliases``: the province's own files may reuse a block)."""
    return load_mapping(read_text(path), aliases=aliases)
