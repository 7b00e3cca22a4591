"""Markdown bodies and Markdown fields to safe HTML, once, when a file is read.

Rendering is part of reading: the HTML depends only on the file's text, so it is made here with the rest of the
item (and could be cached with it), and the build only places it on pages — pictures resolved to their renditions
and links rewritten for the page's place (``trangxa_site.content``). Raw HTML staff paste goes through the
allow-list sanitiser (``sanitize``).

Python-Markdown is not bounded: nested or unclosed brackets, long runs of ``*``, deep lists or quotes cost it
quadratic time or more (16 KB of ``[`` took 30 s: it re-scans a paragraph after each mark), some texts end in a RecursionError. So a text is first
*defused* in one linear pass (:func:`defuse`: the inline marks of a paragraph that would make the link parser
scan it over and over, indentation and quote levels beyond any real page, are made plain), then rendered under a
time limit (:class:`Clock`: ``SECONDS`` of CPU time a text; after ``STRIKES`` texts over it, ``SECONDS_AFTER`` each). A text that
runs out of time is rendered again with every inline mark made plain, and if that fails too, shown as plain
paragraphs — with a warning at its line. The commune's process has a time limit of
its own (``build.workers``): whatever happens, the run ends.
"""

from __future__ import annotations

import contextlib
import functools
import html as htmllib
import re
import signal
import threading

import markdown

from trangxa.law.findings import Problem
from trangxa.read import sanitize
from trangxa.text import slugify

EXTENSIONS = {
    "markdown.extensions.extra": {},
    "markdown.extensions.sane_lists": {},  # a list typed "1." after "-" starts a new list, as staff expect
    "markdown.extensions.toc": {"permalink": False, "slugify": lambda text, separator: slugify(text)},
}
SECONDS = 2.0  # one Markdown text (a page of the demo takes 2–20 ms)
SECONDS_AFTER = 0.25  # once STRIKES texts of a commune ran out of time: the rest get this much
STRIKES = 5
SCAN_COST = 2_000_000  # characters the link parser scans in a paragraph (800 links: 48,000; 16 KB of "[": 10⁸)
MAX_INDENT = 32  # leading spaces (lists nested 8 deep need 24)
MAX_QUOTES = 8  # levels of > quotes


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter per process, reset before each text (building one costs more than a short text)."""
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS, output_format="html5")


class Clock:
    """The time Markdown may take, for the texts of one commune (one per reading: never module state)."""

    def __init__(self, seconds: float = SECONDS, after: float = SECONDS_AFTER, strikes: int = STRIKES):
        self.seconds, self.after, self.strikes = seconds, after, strikes
        self.expired = 0  # texts that ran out of time

    @property
    def limit(self) -> float:
        return self.seconds if self.expired < self.strikes else self.after


class _Expired(Exception):
    pass


def render(text: str, clock: Clock | None = None) -> str:
    """Markdown to HTML, then through the allow-list: raw HTML in staff text cannot inject anything."""
    return render_checked(text, 1, clock)[0]


def render_checked(text: str, line: int = 1, clock: Clock | None = None) -> tuple[str, list[Problem]]:
    """The safe HTML of a Markdown text, and a warning (at ``line``, the text's first) when it could not be
    rendered as written in time: then it is rendered again with its inline marks made plain (headings, lists
    and paragraphs kept), and if even that fails, shown as plain paragraphs."""
    if not text.strip():
        return "", []
    clock = clock or Clock()
    reason = ""
    for flatten in (False, True):
        try:
            with _time_limit(clock.limit):
                html = sanitize.clean(restore(_convert(defuse(text, flatten))))
            return html, [Problem("markdown-too-complex", {"reason": reason}, line)] if reason else []
        except _Expired:
            clock.expired += 1
            reason = reason or f"quá {clock.seconds:g} giây"
        except (RecursionError, sanitize.TooDeep):
            reason = reason or "lồng nhau quá sâu"
        except Exception as err:  # noqa: BLE001 - any failure of the parser on odd input: shown as plain text
            reason = reason or type(err).__name__
        _converter.cache_clear()  # interrupted mid-text, the converter's state is not to be trusted
    return plain(text), [Problem("markdown-too-complex", {"reason": reason}, line)]


def _convert(text: str) -> str:
    converter = _converter()
    converter.reset()
    return converter.convert(text)


def plain(text: str) -> str:
    """The text as escaped paragraphs, line breaks kept: linear, and nothing in it is markup."""
    paragraphs = (part.strip("\n") for part in re.split(r"\n\s*\n", text))
    return "\n".join(f"<p>{htmllib.escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs if part.strip())


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Raise _Expired in this thread after ``seconds`` of the process's CPU time (SIGVTALRM: a busy machine
    does not make a page "too complex"). Only the main thread of a process can be interrupted: the build's
    commune processes are; elsewhere the process's own time limit is the bound."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _Expired

    previous = signal.signal(signal.SIGVTALRM, expire)
    outer = signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
        if outer[0]:
            signal.setitimer(signal.ITIMER_VIRTUAL, *outer)


# A defused character is replaced by a private-use one that no Markdown pattern matches (a backslash escape is a
# match too), and put back, as the text it was, in the HTML.
MARKS = "[]()*_`<>&\\!"
PLACEHOLDERS = {mark: chr(0xE000 + index) for index, mark in enumerate(MARKS)}
ORIGINALS = {value: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(key, key) for key, value in PLACEHOLDERS.items()}
RESERVED = re.compile(f"[{chr(0xE000)}-{chr(0xE000 + len(MARKS) - 1)}]")
MARK = re.compile("[" + re.escape(MARKS) + "]")
SCAN = re.compile(r"\\.|\]\(|[\[\]()<>]")
INLINE = re.compile(r"[\\*_`&]")  # each one the inline parser matches costs it a copy of the paragraph
DEFINITION = re.compile(r"^(\s{0,3}):", re.M)  # a definition list's ": "
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BLOCK_START = re.compile(r"^ {0,3}(?:[-*+] |\d+[.)] |\||#)")  # a list item, table row or heading: a text of its own
QUOTES = re.compile(r"^(?: {0,3}> ?){%d,}" % (MAX_QUOTES + 1))


def defuse(text: str, flatten: bool = False) -> str:
    """The text with what makes Python-Markdown super-linear made plain, in one linear pass. For each bracket
    it scans ahead to the closing one, and for a link's "(" to its ")" — to the end of the paragraph when there
    is none (``_scan_cost``): a paragraph (list item, table row) whose scans add up to more than SCAN_COST gets
    its inline marks made plain (PLACEHOLDERS); with ``flatten``, every paragraph does, and no line starts a
    definition. Lines are indented at most MAX_INDENT,
    quoted at most MAX_QUOTES deep. Fenced code is left as it is; a page staff write does not change (its
    paragraphs scan a few thousand characters)."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            joined = "\n".join(block)
            plain = flatten or _scan_cost(joined) > SCAN_COST
            if plain:
                joined = MARK.sub(lambda match: PLACEHOLDERS[match[0]], joined)
            out.append(DEFINITION.sub(lambda match: match[1] + "\\:", joined) if flatten else joined)
            block.clear()

    fence = ""
    for line in RESERVED.sub("\ufffd", text).split("\n"):
        opening = FENCE.match(line)
        if fence or opening:
            flush()
            out.append(line)
            if fence and opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = ""
            elif not fence:
                fence = opening[1]
            continue
        line = _cap_line(line)
        if not line.strip() or BLOCK_START.match(line):
            flush()
        block.append(line)
    flush()
    return "\n".join(out)


def _scan_cost(block: str) -> int:
    """How much Python-Markdown's inline parser scans in this text: from each "[" to its "]", from each link's
    "(" to its ")", from each "<" to its ">" — to the end for those never closed — and a copy of the text for
    each escape, emphasis, code or entity mark (a twentieth: copying is cheap)."""
    cost, brackets, parens, angles = 0, [], [], []
    for match in SCAN.finditer(block):
        token, at = match[0], match.start()
        if token[0] == "\\":
            continue
        if token == "[":
            brackets.append(at)
        elif token[0] == "]":
            cost += at - brackets.pop() if brackets else 0
            if token == "](":
                parens.append(at)
        elif token == "<":
            angles.append(at)
        elif token == ">":
            cost += at - angles.pop() if angles else 0
        elif parens:
            if token == "(":
                parens.append(at)
            else:
                cost += at - parens.pop()
    unclosed = sum(len(block) - at for at in brackets + parens + angles)
    return cost + unclosed + len(INLINE.findall(block)) * len(block) // 20


def _cap_line(line: str) -> str:
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > MAX_INDENT:
        line = " " * MAX_INDENT + stripped
    quotes = QUOTES.match(line)
    return "> " * MAX_QUOTES + line[quotes.end():] if quotes else line


def restore(html: str) -> str:
    """The defused characters back, as the text they were."""
    return RESERVED.sub(lambda match: ORIGINALS[match[0]], html)
