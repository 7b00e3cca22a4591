"""What a site is built from, as one hash: a commune whose hash has not changed since its published site was built
is not built again (``build.plan``).

A site depends on its own folder, on what every site shares (the code, the theme, the legal profile, the Pelican
settings, the province's file and shared pages), and on the day it is checked as of (deadlines run out). Files are
known by their **content** — Git's blob id, so that a fresh clone (CI) with the previous output restored rebuilds
only what changed — and by their path relative to the repository, never by file times or absolute paths. The ids
come, cheapest first, from Git's index for files Git says are unchanged in the work tree (one ``git ls-files`` and
one ``git diff-files`` for the whole repository), from a stat cache kept with the build's state (size, time and
inode unchanged since the id was computed), and only then from reading the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path


class ContentIds:
    """Content ids of files, with the cheapest source that is right."""

    def __init__(self, root: Path, cache: dict | None = None, others: tuple[Path, ...] = ()):
        """``root``: the repository (paths are written relative to it); ``others``: folders that may be in other
        Git work trees (a province's content kept apart from the code)."""
        self.root = root
        self.cache: dict[str, list] = dict(cache or {})  # path → [size, mtime_ns, ctime_ns, inode, id]
        self.used: dict[str, list] = {}  # what this run looked at: the next run's cache
        self.git = {}
        for top in {_top(folder) for folder in (root, *others)} - {None}:
            self.git.update(_git_ids(top))

    def of(self, path: Path, stat: os.stat_result) -> str:
        key = str(path)
        known = self.cache.get(key)
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]  # ctime: no tool can set it back
        content = known[4] if known and known[:4] == stamp else self.git.get(key) or blob_id(path)
        self.used[key] = stamp + [content]
        return content

    def tree(self, path: Path) -> list:
        """Every file under ``path`` (or ``path`` itself) as [path relative to ``path``, content id], in a fixed
        order; empty when there is nothing there."""
        if not path.exists():
            return []
        if path.is_file():
            return [[path.name, self.of(path, path.stat())]]
        found: list = []
        self._walk(str(path), "", found)
        return found

    def _walk(self, folder: str, prefix: str, found: list) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        self._walk(entry.path, f"{prefix}{entry.name}/", found)
                    continue
                try:
                    stat = entry.stat()
                except OSError:  # a link to nothing: the reader reports it; here it is only a name
                    found.append([prefix + entry.name, ""])
                    continue
                found.append([prefix + entry.name, self.of(Path(entry.path), stat)])


def blob_id(path: Path) -> str:
    """Git's id of a file's content (sha1 of "blob <size>\\0" and the bytes), computed here."""
    digest = hashlib.sha1()
    with path.open("rb") as handle:
        data = handle.read(1 << 20)
        size = os.fstat(handle.fileno()).st_size
        digest.update(f"blob {size}\0".encode())
        while data:
            digest.update(data)
            data = handle.read(1 << 20)
    return digest.hexdigest()


def _top(folder: Path) -> str | None:
    """The work tree a folder is in (None outside Git)."""
    try:
        return _git(folder, "rev-parse", "--show-toplevel").strip() if folder.is_dir() else None
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return None


def _git_ids(top: str) -> dict[str, str]:
    """Blob ids of the files Git tracks in a work tree and finds unchanged there."""
    try:
        listed = _git(Path(top), "ls-files", "-s", "-z")
        dirty = set(_git(Path(top), "diff-files", "--name-only", "-z").split("\0"))
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return {}
    ids = {}
    for entry in filter(None, listed.split("\0")):
        meta, _, rel = entry.partition("\t")
        mode, blob, _stage = meta.split()
        if rel not in dirty and mode != "160000":  # not edited since checkout, not a submodule
            ids[str(Path(top, rel))] = blob
    return ids


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


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


def shared(ids: ContentIds, paths: list[Path], settings: dict) -> str:
    """What every site of the build depends on: these files and folders (by path relative to the repository),
    the options, the Python that runs."""
    return digest(sys.version, [(_relative(path, ids.root), ids.tree(path)) for path in paths if path.exists()],
                  settings)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name
