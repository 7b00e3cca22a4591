"""Reading the files staff write: text decoding, strict YAML with locations, front matter.

PyYAML's default loader changes data (YAML 1.1: ``gio: 7:30`` becomes 450, ``no`` a boolean, a repeated key
silently keeps the last value). We compose with ``BaseLoader`` so every scalar stays a string, reject duplicate
keys, and keep the line of every top-level key so a finding can point at it. The profile converts the fields it
declares as dates or numbers (``records``).

Every file of a commune may be hostile, so the parser is bounded before it runs: libyaml crashes the process
(SIGSEGV) on some tens of thousands of nested ``[`` or ``- ``, so a text nested deeper than ``MAX_DEPTH`` is
refused before libyaml sees it; aliases (``*a``) are refused in commune content — a 500-byte "billion laughs"
expands to gigabytes, and ``&t [*t]`` never ends — and, in the province's own files where anchors are allowed,
expanded only up to ``MAX_NODES`` nodes, a loop refused; a control character written as an escape (``"\\0"``,
``"\\e"``) is refused with its line (a NUL in a file name stops Python's file functions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
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
    duplicates: tuple[Problem, ...] = ()  # keys written twice (only when asked to go on: the first value is kept)


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
MAX_DEPTH = 40  # nesting levels of a YAML text: content needs 4, the profile 8; libyaml crashes near 50,000
MAX_NODES = 200_000  # values of a YAML text once its aliases are expanded (the profile has about 5,000)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # what no typed value holds (tab, newline do)


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


def load_mapping(text: str, first_line: int = 1, aliases: bool = False, duplicates: bool = False) -> Mapping:
    """Parse YAML text that must be a mapping; problems carry lines counted from ``first_line``. A repeated key is
    a problem raised at once — or, with ``duplicates``, collected in ``Mapping.duplicates`` so that the file's other
    problems can be reported in the same run (the caller then does not publish it)."""
    offset = first_line - 1
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.startswith("\t") or (line.lstrip(" ").startswith("\t") and line.strip()):
            raise ProblemError(Problem("yaml-tab", {}, number, line.index("\t") + 1))
    _check_depth(text, first_line)
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + offset if mark else None
        column = mark.column + 1 if mark else None
        raise ProblemError(Problem("yaml-syntax", {"detail": yaml_detail(err.problem or str(err))}, line,
                                   column)) from None
    except yaml.YAMLError as err:
        raise ProblemError(Problem("yaml-syntax", {"detail": yaml_detail(str(err))}, first_line)) from None
    if node is None:
        return Mapping({}, {})
    if not isinstance(node, yaml.MappingNode):
        raise ProblemError(Problem("yaml-not-mapping", {}, node.start_mark.line + 1 + offset))
    walk = _Walk(offset, aliases, [] if duplicates else None)
    data = walk.plain(node, "", first_line)
    lines = {}
    for key, _ in node.value:
        lines.setdefault(key.value, key.start_mark.line + 1 + offset)  # a repeated key: its first line
    return Mapping(data, lines, walk.paths, tuple(walk.repeated or ()))


BLOCK_INDICATORS = re.compile(r"^(?:[-?:](?:[ ]+|$))*")  # "- - a": a sequence in a sequence, on one line
FLOW = re.compile(r"[\[\]{}]")


def _check_depth(text: str, first_line: int) -> None:
    """Refuse a text nested deeper than MAX_DEPTH before it is parsed. The count is an upper bound (brackets in
    quoted text count too): an indentation level, each ``- ``/``? ``/``: `` opening a line, each open bracket."""
    indents, flow = [-1], 0
    for number, line in enumerate(text.split("\n"), start=first_line):
        stripped = line.lstrip(" ")
        block = len(indents) - 1
        if stripped and not stripped.startswith("#"):
            indent = len(line) - len(stripped)
            while indents[-1] > indent:
                indents.pop()
            if indents[-1] < indent:
                indents.append(indent)
            block = len(indents) - 1 + len(BLOCK_INDICATORS.match(stripped)[0].split())
        deepest = flow
        for match in FLOW.finditer(line):
            flow = flow + 1 if match[0] in "[{" else max(0, flow - 1)
            deepest = max(deepest, flow)
        if block + deepest > MAX_DEPTH:
            raise ProblemError(Problem("yaml-too-deep", {"limit": MAX_DEPTH}, number))


class _Walk:
    """Nodes to plain Python values (every scalar a NFC string), noting the line of every key and list item in
    ``paths``. A repeated key is a problem (collected in ``repeated`` when given, the first value kept); so is a node met twice (an alias) unless ``aliases`` allows them,
    and then a loop, or more than MAX_NODES values in all; so is a control character in a value."""

    def __init__(self, offset: int, aliases: bool, repeated: list[Problem] | None = None):
        self.offset, self.aliases, self.repeated = offset, aliases, repeated
        self.paths: dict[str, int] = {}
        self.seen: set[int] = set()
        self.open: set[int] = set()  # the nodes being walked: one met again inside itself is a loop
        self.count = 0

    def plain(self, node: yaml.Node, path: str, line: int):
        self._visit(node, line)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, line)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node, path, line)
            return self._mapping(node, path)
        finally:
            self.open.discard(id(node))

    def _visit(self, node: yaml.Node, line: int) -> None:
        self.count += 1
        if id(node) in self.open:
            raise ProblemError(Problem("yaml-alias-loop", {}, line))
        if id(node) in self.seen and not self.aliases:
            raise ProblemError(Problem("yaml-alias", {}, line))
        if self.count > MAX_NODES:
            raise ProblemError(Problem("yaml-too-large", {"limit": MAX_NODES}, line))
        self.seen.add(id(node))

    def _scalar(self, node: yaml.ScalarNode, line: int) -> str:
        bad = CONTROL.search(node.value)
        if bad:
            row = node.start_mark.line + 1 + self.offset
            raise ProblemError(Problem("yaml-control-char", {"code": f"U+{ord(bad[0]):04X}"}, row))
        return nfc(node.value)

    def _sequence(self, node: yaml.SequenceNode, path: str, line: int) -> list:
        values = []
        for index, item in enumerate(node.value):  # an alias's marks are its anchor's: ``line`` is the list's
            self.paths[f"{path}{index}"] = item.start_mark.line + 1 + self.offset
            values.append(self.plain(item, f"{path}{index}.", line))
        return values

    def _mapping(self, node: yaml.MappingNode, path: str) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + self.offset
            key = self.plain(key_node, path, line)
            if not isinstance(key, str):
                raise ProblemError(Problem("yaml-not-mapping", {}, line))
            if key in result:
                problem = Problem("yaml-duplicate-key", {"key": f"{path}{key}", "first": self.paths[f"{path}{key}"]},
                                  line, key_node.start_mark.column + 1)
                if self.repeated is None:
                    raise ProblemError(problem)
                self.repeated.append(problem)
                continue
            self.paths[f"{path}{key}"] = line
            result[key] = self.plain(value_node, f"{path}{key}.", line)
        return result


# PyYAML's English, in the words of the message (yaml-syntax: "Phần khai báo viết sai cú pháp (…)")
YAML_DETAILS = (
    ("mapping values are not allowed here", "có dấu hai chấm ở chỗ không được phép; giá trị có dấu hai chấm cần đặt "
                                            "trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên trường"),
    ("did not find expected key", "thụt lề không đều hoặc thiếu dấu hai chấm"),
    ("did not find expected '-' indicator", "mục của danh sách phải bắt đầu bằng dấu gạch ngang và thụt lề đều"),
    ("expected <block end>", "thụt lề không đều: các dòng cùng cấp phải bắt đầu ở cùng một cột"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép hoặc ngoặc đóng ở cuối giá trị"),
    ("found unknown escape character", "dấu \\ trong ngoặc kép: dùng ngoặc đơn, hoặc viết \\\\"),
    ("expected ',' or ']'", "danh sách trong ngoặc vuông chưa đóng, hoặc thiếu dấu phẩy"),
    ("expected ',' or '}'", "nhóm trong ngoặc nhọn chưa đóng, hoặc thiếu dấu phẩy"),
    ("found character that cannot start any token", "có ký tự không được đứng đầu giá trị (như @ hoặc `): đặt giá "
                                                    "trị trong ngoặc kép"),
    ("found undefined alias", "dấu * ở đầu giá trị: đặt giá trị trong ngoặc kép"),
    ("found unexpected ':'", "dấu hai chấm không đúng chỗ: đặt giá trị trong ngoặc kép"),
    ("expected alphabetic or numeric character", "dấu & hoặc * ở đầu giá trị: đặt giá trị trong ngoặc kép"),
    ("found a tab character", "có ký tự Tab: chỉ dùng dấu cách"),
)


def yaml_detail(english: str) -> str:
    """PyYAML's explanation in Vietnamese for the common cases; another keeps its English words."""
    text = " ".join(english.split())
    return next((vietnamese for key, vietnamese in YAML_DETAILS if key in text), f"chi tiết: {text}")


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
