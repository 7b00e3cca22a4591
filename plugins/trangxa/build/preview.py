"""Previews of pull/merge requests: each request's preview build (``previewconf.py``: staff links, ``noindex``)
in its own folder ``yc-<number>/`` of a branch of a *second* Git repository, served from another origin than
the production site — unreviewed content never sits beside ``admin/`` and its Git token, and ghp-import, which
replaces the whole production branch, is never used here.

CI runs it (``.github/workflows/trangxa.yml``, ``.gitlab-ci.yml``)::

    python3 -m trangxa.build.preview publish --repo URL --branch gh-pages --request 12 --site DIR --base-url URL
    python3 -m trangxa.build.preview remove --repo URL --branch gh-pages --request 12

``publish`` prints the preview's address as its last line. Only ``yc-<number>/`` is written: what else the
branch holds (another request's preview, the preview site's own CI file) is kept.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from trangxa.options import ROOT

FOLDER = "yc-{number}"  # yêu cầu (request) number
PUSH_TRIES = 3  # two requests' previews pushed at once: the second one rebases and tries again
ROBOTS = "User-agent: *\nDisallow: /\n"  # previews are never for search engines (each page also says noindex)


class PreviewError(Exception):
    """The preview cannot be published or removed; the message says why and what to do."""


def production_url(province_file: Path) -> str:
    """The province's own address (``dia_chi_web``), read without loading the legal profile."""
    try:
        data = yaml.load(province_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (OSError, yaml.YAMLError):
        return ""
    return data.get("dia_chi_web", "") if isinstance(data, dict) else ""


def folder_name(request: int) -> str:
    return FOLDER.format(number=request)


def address(base_url: str, request: int) -> str:
    return f"{base_url.rstrip('/')}/{folder_name(request)}/"


def same_origin(first: str, second: str) -> bool:
    a, b = urlsplit(first), urlsplit(second)
    return bool(a.netloc) and (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())


def publish(repo: str, branch: str, request: int, site: Path, message: str = "") -> None:
    """Replace ``yc-<request>/`` in ``branch`` of ``repo`` with a copy of ``site`` (links followed) and push."""
    if not (site / "index.html").is_file():
        raise PreviewError(f"Không có trang đã tạo ở {site} (thiếu index.html): chạy bước tạo trang trước.")

    def change(work: Path) -> None:
        target = work / folder_name(request)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(site.resolve(), target, symlinks=False)
        for name, text in ((".nojekyll", ""), ("robots.txt", ROBOTS)):
            (work / name).write_text(text, encoding="utf-8")

    _commit_and_push(repo, branch, change, message or f"Xem trước yêu cầu #{request}")


def remove(repo: str, branch: str, request: int) -> bool:
    """Remove ``yc-<request>/`` from ``branch`` of ``repo``; False when there was nothing to remove."""
    removed = []

    def change(work: Path) -> None:
        target = work / folder_name(request)
        if target.exists():
            shutil.rmtree(target)
            removed.append(target)

    _commit_and_push(repo, branch, change, f"Gỡ bản xem trước của yêu cầu #{request}")
    return bool(removed)


def _commit_and_push(repo: str, branch: str, change, message: str) -> None:
    with tempfile.TemporaryDirectory(prefix="trangxa-xem-truoc-") as tmp:
        work = Path(tmp) / "kho"
        for attempt in range(PUSH_TRIES):
            shutil.rmtree(work, ignore_errors=True)
            _checkout(repo, branch, work)
            change(work)
            _git(work, "add", "--all")
            if not _git(work, "status", "--porcelain"):
                return  # nothing changed (a preview already removed, the same site again)
            _git(work, "commit", "-q", "-m", message)
            if _push(work, branch):
                return
        raise PreviewError(f"Không đẩy được bản xem trước lên nhánh {branch} sau {PUSH_TRIES} lần "
                           "(kho xem trước bận hoặc từ chối quyền ghi): kiểm tra quyền của khoá truy cập rồi chạy lại.")


def _checkout(repo: str, branch: str, work: Path) -> None:
    """A shallow copy of ``branch``; a new empty branch when the repository does not have it yet."""
    cloned = subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", branch, repo, str(work)],
                            capture_output=True, text=True, check=False)
    if cloned.returncode != 0:
        if "not found" not in cloned.stderr and "Remote branch" not in cloned.stderr:
            raise PreviewError(f"Không lấy được kho xem trước: {cloned.stderr.strip()}")
        work.mkdir(parents=True)
        _git(work, "init", "-q")
        _git(work, "checkout", "-q", "--orphan", branch)
        _git(work, "remote", "add", "origin", repo)
    _git(work, "config", "user.name", os.environ.get("GIT_AUTHOR_NAME", "trangxa"))
    _git(work, "config", "user.email", os.environ.get("GIT_AUTHOR_EMAIL", "trangxa@users.noreply.invalid"))


def _push(work: Path, branch: str) -> bool:
    return subprocess.run(["git", "push", "-q", "origin", f"HEAD:refs/heads/{branch}"], cwd=work,
                          capture_output=True, check=False).returncode == 0


def _git(work: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=work, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PreviewError(f"Lệnh git {args[0]} không chạy được: {done.stderr.strip()}")
    return done.stdout


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="trangxa.build.preview", description="Bản xem trước của yêu cầu hợp nhất")
    commands = root.add_subparsers(dest="command", required=True)
    for name, text in (("publish", "đăng bản xem trước"), ("remove", "gỡ bản xem trước")):
        command = commands.add_parser(name, help=text)
        command.add_argument("--repo", required=True, help="kho Git của trang xem trước (khác nguồn với trang chính)")
        command.add_argument("--branch", default="gh-pages", help="nhánh được phục vụ (mặc định gh-pages)")
        command.add_argument("--request", type=int, required=True, help="số của yêu cầu hợp nhất")
        if name == "publish":
            command.add_argument("--site", type=Path, required=True, help="thư mục trang đã tạo bằng previewconf.py")
            command.add_argument("--base-url", required=True, help="địa chỉ gốc của trang xem trước")
            command.add_argument("--production-url", help="địa chỉ trang chính thức (mặc định dia_chi_web của "
                                                          "province.yml): trang xem trước phải khác nguồn")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "remove":
            done = remove(args.repo, args.branch, args.request)
            print(f"Đã gỡ bản xem trước của yêu cầu #{args.request}." if done
                  else f"Yêu cầu #{args.request} không có bản xem trước nào để gỡ.")
            return 0
        production = args.production_url or production_url(ROOT / "province.yml")
        if same_origin(args.base_url, production):
            raise PreviewError(f"Trang xem trước ({args.base_url}) cùng nguồn với trang chính thức ({production}): "
                               "dùng một tên miền hoặc tài khoản khác cho trang xem trước.")
        publish(args.repo, args.branch, args.request, args.site)
    except PreviewError as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    print(f"Bản xem trước: {address(args.base_url, args.request)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
