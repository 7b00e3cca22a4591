"""Command line: ``python -m trangxa build`` — what ``invoke build`` runs. Prints the findings report and
exits 0 (built), 1 (a site could not be built) or 2 (the run itself could not be done), never a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from dataclasses import replace
from pathlib import Path

from trangxa.aggregate.summary import SUMMARY_FILE

from trangxa.build.results import BuildResult
from trangxa.runs import build, check, report, year_report
from trangxa.options import BuildError, BuildOptions, with_defaults_from_env
from trangxa.formats import format_github, format_json, format_text, one_line
from trangxa.law.profile import ProfileError
from trangxa.aggregate.report import Quarter


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
    build_cmd.add_argument("--as-of", "--today", dest="as_of", type=dt.date.fromisoformat,
                           help="ngày kiểm tra theo quy định, tính là hôm nay (YYYY-MM-DD; mặc định hôm nay)")
    build_cmd.add_argument("--timeout", type=float, help="số giây tối đa cho mỗi xã (mặc định 600)")
    build_cmd.add_argument("--shard", type=parse_shard, help="K/N: chỉ tạo các xã thứ K, K+N, … (không tạo chỉ mục)")
    build_cmd.add_argument("--merge", type=Path, action="append", help="lấy trang các xã từ thư mục này, chỉ tạo chỉ mục")
    check_cmd = commands.add_parser("check", help="kiểm tra nội dung của các xã theo quy định")
    check_cmd.add_argument("--communes-dir", type=Path, help="thư mục các xã (mặc định communes/)")
    check_cmd.add_argument("--commune", help="chỉ kiểm tra một xã")
    check_cmd.add_argument("--province", type=Path, help="tệp cấu hình tỉnh (mặc định province.yml)")
    check_cmd.add_argument("--as-of", type=dt.date.fromisoformat, help="kiểm tra tại ngày (YYYY-MM-DD; mặc định hôm nay)")
    check_cmd.add_argument("--format", choices=("text", "json", "github"), default="text")
    check_cmd.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi")
    check_cmd.add_argument("--jobs", type=int, help="số xã kiểm tra song song (mặc định: số lõi CPU)")
    for command in (build_cmd, check_cmd):
        command.add_argument("--changed-since", metavar="REV",
                             help="chỉ các xã có tệp đổi từ phiên bản Git này (yêu cầu gộp: nhánh gốc); đổi tệp "
                                  "dùng chung thì mọi xã")
    report_cmd = commands.add_parser("report", help="báo cáo quý hoặc đánh giá năm (HTML, CSV, XLSX) vào output/bao-cao/")
    period = report_cmd.add_mutually_exclusive_group(required=True)
    period.add_argument("--quarter", help="quý, ví dụ 2026Q3")
    period.add_argument("--year", type=int, help="năm, ví dụ 2026: điểm từng quý và xếp hạng cả năm")
    report_cmd.add_argument("--as-of", type=dt.date.fromisoformat,
                            help="ngày kiểm tra (mặc định: ngày cuối quý, cuối năm)")
    report_cmd.add_argument("--communes-dir", type=Path, help="thư mục các xã (mặc định communes/)")
    report_cmd.add_argument("--output", type=Path, help="thư mục kết quả (mặc định output/)")
    report_cmd.add_argument("--province", type=Path, help="tệp cấu hình tỉnh (mặc định province.yml)")
    return root


def parse_shard(text: str) -> tuple[int, int]:
    number, _, count = text.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        raise argparse.ArgumentTypeError(f"--shard phải có dạng K/N với 1 ≤ K ≤ N, không phải '{text}'")
    return int(number), int(count)


def options_from(args: argparse.Namespace) -> BuildOptions:
    options = with_defaults_from_env(BuildOptions())
    given = {key: getattr(args, name, None) for key, name in (
        ("communes_dir", "communes_dir"), ("output", "output"), ("commune", "commune"), ("jobs", "jobs"),
        ("province_file", "province"), ("settings_file", "settings"), ("as_of", "as_of"), ("shard", "shard"),
        ("timeout", "timeout"), ("changed_since", "changed_since"))}
    if getattr(args, "merge", None):
        given["merge_from"] = tuple(args.merge)
    return replace(options, **{key: value for key, value in given.items() if value is not None})


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        with_defaults_from_env(BuildOptions())
    except BuildError as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    if args.command == "report":
        return run_report(options_from(args), args.quarter, args.as_of, args.year)
    if args.command == "check":
        return run_check(options_from(args), args.format, args.strict)
    return run_build(options_from(args))


def run_publish(options: BuildOptions, repo: Path, branch: str, remote: str, per_commune: bool,
                push: bool = True) -> int:
    """Build for production, keeping each commune's last good site when its files have errors (unless the
    province chose to publish with warnings), then push the output to the publishing branch."""
    from trangxa.build import publish
    from trangxa.config.province import load_province

    try:
        province = load_province(options.province_path())
    except ProfileError as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    options = replace(options, keep_last_good=province.keep_last_good, output=publish.publish_output(options.output),
                      cache_dir=options.cache_path())
    code = run_build(options)
    if code == 2:
        return code
    site = options.output.resolve()
    sites = [(f"{branch}-{p.name}", p) for p in sorted(site.iterdir()) if (p / SUMMARY_FILE).is_file()] \
        if per_commune else [(branch, site)]
    domains = _domains(site, province.site_url) if per_commune and province.url_mode == "ten-mien" else {}
    for target, folder in sites:
        name = folder.name if per_commune else "các trang"  # not the release folder's internal name
        print(f"Nén và {'đẩy' if push else 'ghi'} {name} lên nhánh {target}…", flush=True)
        try:
            done = publish.push(folder, repo, target, remote, f"Xuất bản {options.as_of or dt.date.today():%d/%m/%Y}",
                                send=push, cname=domains.get(folder.name, ""), cache=options.cache_path(), say=print)
        except publish.PublishError as err:
            print(f"Không xuất bản: {err}", file=sys.stderr)
            return 2
        print(f"Đã xuất bản {name} lên nhánh {target} ({done.files} tệp được nén: {done.made} nội dung mới, "
              f"{done.reused} lấy lại từ {options.cache_path().name}/).")
    return code


def _domains(site: Path, site_url: str) -> dict[str, str]:
    """Each commune's domain for its CNAME file; none for a domain another commune or the province's own site
    declares (a duplicate-domain finding says so)."""
    import json
    from urllib.parse import urlparse

    domains = {p.name: json.loads((p / SUMMARY_FILE).read_text(encoding="utf-8"))["domain"]
               for p in site.iterdir() if (p / SUMMARY_FILE).is_file()}
    taken = [domain.lower() for domain in domains.values() if domain] + [urlparse(site_url).hostname or ""]
    return {slug: domain for slug, domain in domains.items() if taken.count(domain.lower()) == 1}


def run_report(options: BuildOptions, quarter: str | None, as_of: dt.date | None = None, year: int | None = None) -> int:
    if year:
        return _run_year(options, year, as_of)
    try:
        result = report(options, Quarter.parse(quarter or ""), as_of)
    except (ValueError, BuildError, ProfileError) as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"Không thể chạy: {os_message(err)}", file=sys.stderr)
        return 2
    folder = options.output / "bao-cao" / result.quarter.code
    action = [line.commune_name for line in result.communes if line.needs_action]
    print(f"Đã viết báo cáo {result.quarter.label} vào {folder}/. {result.coverage}.")
    print("Cần khắc phục: " + (", ".join(action) if action else "không có") + ".")
    return 0


def _run_year(options: BuildOptions, year: int, as_of: dt.date | None) -> int:
    try:
        result = year_report(options, year, as_of)
    except (ValueError, BuildError, ProfileError) as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    print(f"Đã viết đánh giá năm {year} vào {options.output / 'bao-cao' / str(year)}/. {result.coverage}.")
    for line in result.lines:
        where = f"{line.rank}." if line.rank else "–"
        figures = f"{line.mean_score} điểm" if line.mean_score is not None else line.failed or "chưa có quý nào"
        print(f"  {where} {line.commune_name}: {figures}")
    return 0


def run_check(options: BuildOptions, form: str = "text", strict: bool = False) -> int:
    """Check as of ``options.as_of``. Exit 0 when no errors (warnings too with ``strict``), 1 when there are, 2 when
    the run cannot be done."""
    try:
        checked = check(options, options.as_of)
    except (BuildError, ProfileError) as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"Không thể chạy: {os_message(err)}", file=sys.stderr)
        return 2
    as_of = checked[0].as_of if checked else options.as_of
    findings = [finding for commune in checked for finding in commune.findings]
    prefix = _relative(options.communes_dir)
    output = {"json": format_json, "github": lambda f: format_github(f, prefix)}.get(form, format_text)(findings)
    if output:
        print(output)
    if form == "text":
        print(check_summary(checked, as_of))
    failing = any((f.severity == "error" or strict) and not f.accepted for f in findings)
    return 1 if failing else 0


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def check_summary(checked: list, as_of: dt.date) -> str:
    """Each commune's score and counts; the score rule is said once, so that a reader can check it."""
    from trangxa.checks.status import SCORE_RULE

    lines = [f"\nTình trạng tính đến ngày {as_of.strftime('%d/%m/%Y')}:"]
    for commune in sorted(checked, key=lambda c: (c.score, c.name)):
        open_ = [f for f in commune.findings if not f.accepted]
        errors = sum(f.severity == "error" for f in open_)
        accepted = len(commune.findings) - len(open_)
        lines.append(f"  {commune.name}: {commune.score} điểm, {errors} lỗi, {len(open_) - errors} cảnh báo"
                     + (f", {accepted} phát hiện đã được chấp nhận" if accepted else ""))
    lines.append(SCORE_RULE)
    return "\n".join(lines)


def run_build(options: BuildOptions) -> int:
    try:
        result = build(options)
    except (BuildError, ProfileError) as err:
        print(f"Không thể chạy: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # the output cannot be written (read-only, full, not a folder): said, not a traceback
        print(f"Không thể chạy: {os_message(err)}", file=sys.stderr)
        return 2
    print(build_summary(result, options))
    return 1 if result.failed else 0


def os_message(err: OSError) -> str:
    """An error of the file system in the words of the person running the build, with what to do."""
    import errno

    where = f" {err.filename}" if err.filename else ""
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"không ghi được vào{where} (thư mục chỉ đọc hoặc không có quyền ghi: {err.strerror}). "
                "Chọn thư mục kết quả khác bằng --output, hoặc cấp quyền ghi.")
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"hết dung lượng đĩa khi ghi{where}. Giải phóng dung lượng rồi chạy lại; bản đã đăng được giữ nguyên."
    return f"lỗi khi đọc hoặc ghi{where}: {err.strerror or err}. Bản đã đăng trước đó được giữ nguyên."


def build_summary(result: BuildResult, options: BuildOptions) -> str:
    lines = []
    if result.findings:
        lines += [format_text(result.findings), ""]
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = len(result.findings) - errors
    built = [site for site in result.communes if site.built]
    index = " và trang chỉ mục của tỉnh" if result.index else ""
    lines.append(f"Đã tạo {len(built)}/{len(result.communes)} trang xã{index} ({result.pages} trang) vào {options.output}.")
    kept = [one_line(site.name) for site in result.communes if site.kept_previous]
    if kept:
        lines.append("Giữ bản đã đăng trước đó (tệp nội dung có lỗi): " + ", ".join(kept) + ".")
    first = [site.name for site in result.communes
             if options.keep_last_good and site.built and site.content_errors and not site.kept_previous]
    if first:
        lines.append("Đăng kèm cảnh báo vì chưa có bản nào đăng trước đó (tệp nội dung có lỗi: sửa theo các lỗi ở trên "
                     "rồi xuất bản lại): " + ", ".join(first) + ".")
    lines.append(f"Phát hiện {errors} lỗi, {warnings} cảnh báo.")
    if result.failed:
        lines.append("Không tạo được: " + ", ".join(one_line(name) for name in result.failed) + ".")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
