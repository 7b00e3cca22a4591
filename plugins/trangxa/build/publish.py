"""Publishing: production build (publishconf.py), CNAME files, and ghp-import to a branch of a copy of the site
with pre-compressed files beside it.

The build itself is atomic (``release``); publishing pushes a copy of the finished output, so an interrupted
publish leaves the branch as it was. ghp-import writes every path into git fast-import's stream as it is, so a
tree holding a path with a control character (or a leading double quote) is refused before anything is written
(``PublishError``): the build refuses such files already, this is the last gate.
"""

from __future__ import annotations

import contextlib
import gzip
import shutil
import tempfile
from pathlib import Path

import ghp_import

from trangxa.read.names import unsafe_paths


class PublishError(Exception):
    """The tree cannot be published as it is (Vietnamese message)."""

COMPRESSIBLE = (".html", ".css", ".js", ".xml", ".json", ".txt", ".csv", ".svg")


def compress(folder: Path) -> int:
    """Write ``.gz`` (and ``.br`` when the brotli package is there) beside every text file, for servers that
    serve pre-compressed files (nginx ``gzip_static``). Deterministic: no file name or time in the gzip header."""
    try:
        import brotli
    except ImportError:
        brotli = None
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in COMPRESSIBLE and path.is_file():
            data = path.read_bytes()
            with path.with_name(path.name + ".gz").open("wb") as raw, gzip.GzipFile(
                    filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle:
                handle.write(data)
            if brotli:
                path.with_name(path.name + ".br").write_bytes(brotli.compress(data))
            count += 1
    return count


def push(folder: Path, repo: Path, branch: str, remote: str, message: str, send: bool = True,
         cname: str = "") -> None:
    """Commit ``folder`` as the whole tree of ``branch`` in the Git repository ``repo`` and push it; ``cname``
    (a commune's own domain, when one directory per commune is published) goes in a CNAME file."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(folder.resolve(), copy, symlinks=False)
        refused = unsafe_paths(copy)
        if refused:
            raise PublishError(f"{len(refused)} đường dẫn có ký tự điều khiển hoặc dấu ngoặc kép ở đầu tên, có thể "
                               f"ghi đè tệp khác trên nhánh xuất bản: {', '.join(refused[:5])}. Đổi tên các tệp đó.")
        compress(copy)  # in the copy: the live release is never written after its swap
        if cname:
            (copy / "CNAME").write_text(cname + "\n", encoding="utf-8")
        with contextlib.chdir(repo):
            ghp_import.ghp_import(str(copy), mesg=message, branch=branch, remote=remote, push=send, nojekyll=True,
                                  force=True)
