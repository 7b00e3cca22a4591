"""What a site is built from, as one hash: a commune whose hash has not changed since its published site was built
is not built again (``build.Plan``).

A site depends on its own folder, on what every site shares (the code, the theme, the legal profile, the Pelican
settings, the province's file and shared pages), and on the day it is built (deadlines run out). Files are known
by path, size and modification time, which an edit always changes (content hashes would read every picture of
the province on each run); a fresh clone has new times everywhere, so it builds everything.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path


def tree(path: Path) -> list:
    """Every file under ``path`` (or ``path`` itself) as [relative path, size, mtime in ns], in a fixed order;
    empty when there is nothing there."""
    if not path.exists():
        return []
    if path.is_file():
        stat = path.stat()
        return [[path.name, stat.st_size, stat.st_mtime_ns]]
    found: list = []
    _walk(str(path), "", found)
    return found


def _walk(folder: str, prefix: str, found: list) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    _walk(entry.path, f"{prefix}{entry.name}/", found)
            else:
                try:
                    stat = entry.stat()
                except OSError:  # a link to nothing: the reader reports it; here it is only a name
                    found.append([prefix + entry.name, -1, -1])
                    continue
                found.append([prefix + entry.name, stat.st_size, stat.st_mtime_ns])


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, ensure_ascii=False).encode()).hexdigest()


def packages() -> list[str]:
    """The installed packages and their versions, from the names of their ``*.dist-info`` folders (one listing
    per folder of ``sys.path``, not one metadata read per package): an upgrade rebuilds every site."""
    found = []
    for folder in sys.path:
        try:
            found += [name for name in os.listdir(folder or ".") if name.endswith(".dist-info")]
        except OSError:
            continue
    return sorted(found)


def shared(paths: list[Path], settings: dict) -> str:
    """What every site of the build depends on: these files and folders, the options, the Python that runs."""
    return digest(sys.version, [(str(path), tree(path)) for path in paths if path.exists()], settings)
