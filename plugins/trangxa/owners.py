"""Who may change what in the content repository: a mapping of accounts (and teams) to communes, kept by the
province in ``phan-quyen.yml``; from it a ``CODEOWNERS`` file (GitHub and GitLab both read it at the root:
with "require review from code owners", a change needs its owners' approval) and a CI check that flags, in
Vietnamese, a pull/merge request whose author changed files outside the communes given to them.

``phan-quyen.yml``::

    tinh: ["@tinh-minh-hai/ky-thuat", tranvanb]   # the province's team: profile, province.yml, code, CI, every commune
    xa:
      xa-tan-thanh: [nguyenvana]                   # accounts (or @org/team) responsible for communes/xa-tan-thanh/

The CI check must not be the pull request's to change: the workflow runs *this file* and reads the mapping as
they are on the target branch (``git show <base>:…``), so a request that edits either changes nothing for
itself. It compares accounts (an author is matched by login); a team (``@org/team``) counts in CODEOWNERS only.
This module uses nothing but the standard library and PyYAML, so it runs alone: ``python3 owners.py --help``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

MAPPING = "phan-quyen.yml"
CODEOWNERS = "CODEOWNERS"
COMMUNES = "communes"
HANDLE = re.compile(r"^@?[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:/[A-Za-z0-9](?:[A-Za-z0-9._/-]*[A-Za-z0-9])?)?$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class OwnersError(Exception):
    """The mapping cannot be used (Vietnamese message)."""


@dataclass(frozen=True)
class Owners:
    province: tuple[str, ...]  # handles of the province's team
    communes: dict[str, tuple[str, ...]]  # commune slug → handles

    def of(self, path: str) -> tuple[str, tuple[str, ...]]:
        """(whose, handles) for a repository path: a commune's folder is its accounts' and the province's."""
        parts = path.split("/")
        if len(parts) > 2 and parts[0] == COMMUNES and parts[1] in self.communes:
            return f"xã {parts[1]}", self.communes[parts[1]] + self.province
        return "nhóm kỹ thuật của tỉnh", self.province


def parse(text: str) -> Owners:
    """The mapping from the text of phan-quyen.yml (every handle checked: they go into CODEOWNERS)."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise OwnersError(f"{MAPPING} viết sai cú pháp YAML: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("xa", {}), dict):
        raise OwnersError(f'{MAPPING} phải có "tinh: [tài khoản…]" và "xa: {{tên-thư-mục-xã: [tài khoản…]}}".')
    province = _handles(data.get("tinh"), "tinh")
    if not province:
        raise OwnersError(f'{MAPPING} phải nêu ít nhất một tài khoản hoặc nhóm ở "tinh" (nhóm kỹ thuật của tỉnh).')
    communes = {}
    for slug, handles in (data.get("xa") or {}).items():
        if not isinstance(slug, str) or not SLUG.match(slug):
            raise OwnersError(f'{MAPPING}: "{_shown(slug)}" không phải tên thư mục xã (chữ thường không dấu, gạch ngang).')
        communes[slug] = _handles(handles, f"xa.{slug}")
    return Owners(province, communes)


def _handles(value, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    found = []
    for item in items:
        if not isinstance(item, str) or not HANDLE.match(item.strip()):
            raise OwnersError(f'{MAPPING} ({where}): "{_shown(item)}" không phải tên tài khoản hoặc nhóm '
                              '(ví dụ nguyenvana hoặc @tinh-minh-hai/ky-thuat).')
        found.append("@" + item.strip().lstrip("@"))
    return tuple(found)


def _shown(value) -> str:
    return CONTROL.sub("?", str(value))


def codeowners(owners: Owners) -> str:
    """The CODEOWNERS text: everything is the province team's; each commune's folder its accounts' too (the last
    matching line wins, so the communes come after the catch-all)."""
    lines = [f"# Tạo bởi \"invoke codeowners\" từ {MAPPING}: đừng sửa tệp này, sửa {MAPPING} rồi chạy lại.",
             f"* {' '.join(owners.province)}"]
    lines += [f"/{COMMUNES}/{slug}/ {' '.join(handles + owners.province)}" for slug, handles in sorted(owners.communes.items())]
    return "\n".join(lines) + "\n"


def outside(owners: Owners, author: str, paths: list[str]) -> list[tuple[str, str]]:
    """(path, whose) for each changed path the author is not an owner of (accounts compared without case)."""
    login = "@" + author.strip().lstrip("@").lower()
    refused = []
    for path in paths:
        whose, handles = owners.of(path)
        if login not in {handle.lower() for handle in handles}:
            refused.append((path, whose))
    return refused


def report(author: str, refused: list[tuple[str, str]], form: str = "text") -> str:
    """The Vietnamese verdict for the request, one line per file outside the author's communes."""
    if not refused:
        return f"Tài khoản {_shown(author)} chỉ sửa các tệp thuộc phạm vi được giao."
    lines = [f"Tài khoản {_shown(author)} sửa {len(refused)} tệp ngoài phạm vi được giao (cần nhóm kỹ thuật của "
             "tỉnh xem xét trước khi hợp nhất):"]
    for path, whose in refused:
        if form == "github":
            where = _shown(path).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
            lines.append(f"::error file={where},title=quyen-sua::Tệp này thuộc {whose}, không thuộc phạm vi của "
                         f"{_shown(author)}.")
        else:
            lines.append(f"  {_shown(path)} — thuộc {whose}")
    return "\n".join(lines)


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def changed_paths(repo: Path, base: str, head: str) -> list[str]:
    """Every path the request adds, changes or removes (a rename counts both its names)."""
    out = subprocess.run(["git", "diff", "--name-only", "--no-renames", "-z", base, head], cwd=repo, check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    return [path for path in out.split("\0") if path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="owners", description="Kiểm tra quyền sửa của một yêu cầu hợp nhất.")
    parser.add_argument("--base", required=True, help="phiên bản của nhánh đích (so sánh và đọc phân quyền từ đó)")
    parser.add_argument("--head", default="HEAD", help="phiên bản của yêu cầu (mặc định HEAD)")
    parser.add_argument("--author", required=True, help="tài khoản tạo yêu cầu")
    parser.add_argument("--mapping-rev", help=f"đọc {MAPPING} từ phiên bản này (mặc định --base)")
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)
    try:
        text = git("show", f"{args.mapping_rev or args.base}:{MAPPING}", cwd=args.repo)
    except subprocess.CalledProcessError:
        print(f"Nhánh đích chưa có tệp {MAPPING}: chưa kiểm tra quyền sửa.")
        return 0
    try:
        owners = parse(text)
        refused = outside(owners, args.author, changed_paths(args.repo, args.base, args.head))
    except OwnersError as err:
        print(f"Không kiểm tra được quyền sửa: {err}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as err:
        print(f"Không so sánh được hai phiên bản: {err.stderr.strip()}", file=sys.stderr)
        return 2
    print(report(args.author, refused, args.format))
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
