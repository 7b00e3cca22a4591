"""File names that must never be published: a control character (a newline above all) or a leading double
quote in a path is a command in the stream ``ghp-import`` writes to ``git fast-import`` (it writes each path as it
is: ``M 100644 inline <path>``), so a file named ``w\\ndata 0\\nM 100644 inline index.html\\n#.vtt`` would write
over any file of the publishing branch. Such a file is refused when a commune is read (a finding; nothing is
derived from it), and ``publish`` refuses a tree that still holds one (``build.publish``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f\u2028\u2029]|(?:^|/)"')
SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unsafe(rel: str) -> bool:
    """Whether a path (relative, POSIX) holds a control character, or a name starting with a double quote."""
    return bool(UNSAFE.search(rel))


def shown(text: str) -> str:
    """The text with its control characters written out (``\\n``, ``\\x1b``): safe to print, and readable."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]",
                  lambda match: SHOWN.get(match[0], f"\\x{ord(match[0]):02x}" if ord(match[0]) < 0x100
                                          else f"\\u{ord(match[0]):04x}"), text)


def unsafe_paths(folder: Path) -> list[str]:
    """Every path below ``folder`` (files and folders, links followed as the publisher does) that is unsafe."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=True):
        for name in dirs + files:
            rel = Path(root, name).relative_to(folder).as_posix()
            if unsafe(rel):
                found.append(shown(rel))
    return sorted(found)
