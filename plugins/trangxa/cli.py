"""Command line: ``python -m trangxa build`` — what ``invoke build`` runs. Prints the findings report and
exits 0 (built), 1 (a site could not be built) or 2 (the run itself could not be done), never a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from dataclasses import replace
from pathlib import Path

from .build import BuildError, BuildOptions, BuildResult, build, with_defaults_from_env
from .findings import format_text
from .profile import ProfileError


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="trangxa", description="Trang thông tin điện tử các xã, phường, đặc khu")
    commands = root.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="tạo trang của mọi xã và trang chỉ mục của tỉnh")
    build_cmd.add_argument("--communes-dir", type=Path, help="thư mục các xã (mặc định communes/)")
    build_cmd.add_argument("--output", type=Path, help="thư mục kết quả (mặc định output/)")
    build_cmd.add_argument("--commune", help="chỉ tạo một xã (và trang chỉ mục)")
    build_cmd.add_argument("--jobs", type=int, help="số xã tạo song song (mặc định: số lõi CPU)")
    build_cmd.add_argument("--province", type=Path, help="tệp cấu hình tỉnh (mặc định province.yml)")
    build_cmd.add_argument("--settings", type=Path, help="tệp thiết lập Pelican (mặc định pelicanconf.py)")
    build_cmd.add_argument("--today", type=dt.date.fromisoformat, help="ngày tính là hôm nay (YYYY-MM-DD)")
    return root


def options_from(args: argparse.Namespace) -> BuildOptions:
    options = with_defaults_from_env(BuildOptions())
    given = {
        "communes_dir": args.communes_dir,
        "output": args.output,
        "commune": args.commune,
        "jobs": args.jobs,
        "province_file": args.province,
        "settings_file": args.settings,
        "today": args.today,
    }
    return replace(options, **{key: value for key, value in given.items() if value is not None})


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return run_build(options_from(args))


def run_build(options: BuildOptions) -> int:
    try:
        result = build(options)
    except (BuildError, ProfileError) as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    print(report(result, options))
    return 1 if result.failed else 0


def report(result: BuildResult, options: BuildOptions) -> str:
    lines = []
    if result.findings:
        lines += [format_text(result.findings), ""]
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = len(result.findings) - errors
    built = [site for site in result.communes if site.built]
    lines.append(f"Đã tạo {len(built)}/{len(result.communes)} trang xã và trang chỉ mục của tỉnh "
                 f"({result.pages} trang) vào {options.output}.")
    lines.append(f"Phát hiện {errors} lỗi, {warnings} cảnh báo.")
    if result.failed:
        lines.append("Không tạo được: " + ", ".join(result.failed) + ".")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
