"""One command back to the previous published version: ``invoke rollback [--branch gh-pages]``.

Publishing (``publish``, ghp-import) adds one commit a publication to the publishing branch, each the whole site.
A rollback adds one more commit, whose tree is the version published before the live one, and pushes it (a fast
forward: nothing is rewritten, and publishing again later simply goes on from there). The rollback commit names
the version it restored (``trangxa-restores: <commit>``), so that rolling back again goes one version further
back, in the order the versions were live. A per-commune branch (``gh-pages-<slug>``) rolls back the same way.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

TRAILER = "trangxa-restores"
RESTORES = re.compile(rf"^{TRAILER}: ([0-9a-f]{{40}})$", re.M)


class RollbackError(Exception):
    """The rollback cannot be done (Vietnamese message)."""


@dataclass(frozen=True)
class Rolled:
    branch: str
    live: str  # the version that was live before the rollback
    restored: str  # the version published again
    commit: str  # the new commit on the branch


def _git(repo: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()
    except subprocess.CalledProcessError as err:
        raise RollbackError(f"git {args[0]}: {err.stderr.strip() or err}") from None


def rollback(repo: Path, branch: str = "gh-pages", remote: str = "origin", send: bool = True) -> Rolled:
    """Publish again, on ``branch``, the version published before the live one; push it unless ``send`` is
    False."""
    if send:
        _git(repo, "fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
        tip = _git(repo, "rev-parse", f"refs/remotes/{remote}/{branch}")
    else:
        tip = _git(repo, "rev-parse", f"refs/heads/{branch}")
    versions = published(repo, tip)
    if len(versions) < 2:
        raise RollbackError(f"Nhánh {branch} không có bản nào trước bản đang đăng; không có gì để quay lại.")
    live, restored = versions[-1], versions[-2]
    message = (f"Quay lại bản xuất bản trước ({restored[:12]}), thay cho bản {live[:12]}\n\n"
               f"{TRAILER}: {restored}\n")
    commit = _git(repo, "commit-tree", f"{restored}^{{tree}}", "-p", tip, "-m", message)
    _git(repo, "update-ref", f"refs/heads/{branch}", commit)
    if send:
        _git(repo, "push", "--quiet", remote, f"{commit}:refs/heads/{branch}")
    return Rolled(branch, live, restored, commit)


def published(repo: Path, tip: str) -> list[str]:
    """The versions still to go back to, oldest first, the live one last: the branch's history replayed — a
    publication puts its version on top (unless it is the same tree), a rollback takes the top one off."""
    versions: list[tuple[str, str]] = []  # (commit, tree)
    log = _git(repo, "log", "--first-parent", "--reverse", "--format=%H %T%n%B%x00", tip)
    for entry in filter(str.strip, log.split("\0")):
        head, _, body = entry.strip().partition("\n")
        commit, tree = head.split()
        if RESTORES.search(body):
            versions = versions[:-1]
        elif not versions or versions[-1][1] != tree:
            versions.append((commit, tree))
    return [commit for commit, _ in versions]
