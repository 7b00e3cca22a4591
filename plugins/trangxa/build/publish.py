"""Publishing: production build (publishconf.py), CNAME files, and ghp-import to a branch of a copy of the site
with pre-compressed files beside it.

The build itself is atomic (``release``); publishing pushes a copy of the finished output (hard links: a release is
never written again), so an interrupted publish leaves the branch as it was. Each distinct content is compressed
once: ``.gz`` and ``.br`` are kept by the content's hash in the cache (``.trangxa-cache/nen/``, beside the
pictures), so a publish with nothing changed compresses nothing. ghp-import writes every path into git
fast-import's stream as it is, so a tree holding a path with a control character (or a leading double quote) is
refused before anything is written (``PublishError``): the build refuses such files already, this is the last gate.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import ghp_import

from trangxa.read.names import unsafe_paths

PUBLISH_FOLDER = ".trangxa-publish"  # production builds, apart from the development builds of output/


class PublishError(Exception):
    """The tree cannot be published as it is (Vietnamese message)."""

COMPRESSIBLE = (".html", ".css", ".js", ".xml", ".json", ".txt", ".csv", ".svg")
FOLDER = "nen"  # in the cache: <sha256>.gz and <sha256>.br


def publish_output(output: Path) -> Path:
    """Where ``invoke publish`` builds: beside ``output`` but apart from it, so a development build (relative
    links) is never kept as a commune's "last good" site nor pushed, and the two builds don't undo each other's
    incremental state."""
    return output.parent / PUBLISH_FOLDER / output.name


@dataclass
class Compressed:
    files: int = 0  # text files given a .gz (and .br) beside them
    made: int = 0  # distinct contents compressed now
    reused: int = 0  # files whose compressed forms came from the cache


def compress(folder: Path, cache: Path | None = None, say=None) -> Compressed:
    """Write ``.gz`` (and ``.br`` when the brotli package is there) beside every text file, for servers that
    serve pre-compressed files (nginx ``gzip_static``). Deterministic: no file name or time in the gzip header.
    With ``cache``, each distinct content is compressed once, ever; ``say`` gets progress lines."""
    try:
        import brotli
    except ImportError:
        brotli = None
    store = Path(cache or tempfile.mkdtemp(prefix="trangxa-nen-")) / FOLDER
    store.mkdir(parents=True, exist_ok=True)
    paths = [path for path in sorted(folder.rglob("*")) if path.suffix in COMPRESSIBLE and path.is_file()]
    result = Compressed(files=len(paths))
    progress = Progress(len(paths), say)
    kinds = {".gz": _gzip} | ({".br": brotli.compress} if brotli else {})
    for path in paths:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        fresh = False
        for suffix, squeeze in kinds.items():
            kept = store / f"{digest}{suffix}"
            if not kept.is_file():
                _write_read_only(kept, squeeze(data))
                fresh = True
            _link_or_copy(kept, path.with_name(path.name + suffix))
        result.made += fresh
        result.reused += not fresh
        progress.step()
    if cache is None:
        shutil.rmtree(store.parent, ignore_errors=True)
    return result


class Progress:
    """A line every tenth of the way (long steps must not look frozen), none for a handful of files."""

    def __init__(self, total: int, say) -> None:
        self.total, self.done, self.say, self.next = total, 0, say, max(total // 10, 1)

    def step(self) -> None:
        self.done += 1
        if self.say and self.total >= 50 and (self.done % self.next == 0 or self.done == self.total):
            self.say(f"  nén {self.done}/{self.total} tệp ({100 * self.done // self.total}%)")


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _write_read_only(path: Path, data: bytes) -> None:
    """Into the cache atomically, read-only: a hard link to it can never be written through."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    scratch.write_bytes(data)
    scratch.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    os.replace(scratch, path)


def _link_or_copy(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path) -> None:
    """A copy of ``source`` with every link followed (each commune's site is a link in a release), made of hard
    links where the file system allows: a published release is never written again."""
    for folder, _, names in os.walk(source, followlinks=True):
        destination = target / Path(folder).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in names:
            _link_or_copy(Path(folder, name), destination / name)


def push(folder: Path, repo: Path, branch: str, remote: str, message: str, send: bool = True,
         cname: str = "", cache: Path | None = None, say=None) -> Compressed:
    """Commit ``folder`` as the whole tree of ``branch`` in the Git repository ``repo`` and push it; ``cname``
    (a commune's own domain, when one directory per commune is published) goes in a CNAME file."""
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)  # the copy beside the cache: same file system, so hard links
    with tempfile.TemporaryDirectory(prefix="trangxa-xuat-ban-", dir=cache) as tmp:
        copy = Path(tmp) / "site"
        link_tree(folder.resolve(), copy)
        refused = unsafe_paths(copy)
        if refused:
            raise PublishError(f"{len(refused)} đường dẫn có ký tự điều khiển hoặc dấu ngoặc kép ở đầu tên, có thể "
                               f"ghi đè tệp khác trên nhánh xuất bản: {', '.join(refused[:5])}. Đổi tên các tệp đó.")
        compressed = compress(copy, cache, say)  # in the copy: the live release is never written after its swap
        if cname:
            (copy / "CNAME").write_text(cname + "\n", encoding="utf-8")
        with contextlib.chdir(repo):
            ghp_import.ghp_import(str(copy), mesg=message, branch=branch, remote=remote, push=send, nojekyll=True,
                                  force=True)
    return compressed
