"""Tasks for a province (``invoke --list``): build the sites, serve them locally, clean.

Options may also come from environment variables (TRANGXA_COMMUNES_DIR, TRANGXA_OUTPUT, TRANGXA_COMMUNE,
TRANGXA_JOBS), so CI can set them once.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from trangxa.options import BuildOptions, with_defaults_from_env  # noqa: E402
from trangxa.cli import run_build, run_check, run_report  # noqa: E402
from trangxa.build.release import releases_dir  # noqa: E402


def _options(communes_dir=None, output=None, commune=None, jobs=None) -> BuildOptions:
    options = with_defaults_from_env(BuildOptions())
    given = {"communes_dir": communes_dir and Path(communes_dir), "output": output and Path(output),
             "commune": commune, "jobs": jobs}
    return replace(options, **{key: value for key, value in given.items() if value is not None})


def _date(text):
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise Exit(f"Ngày phải có dạng YYYY-MM-DD, không phải '{text}'.", code=2) from None


@task(help={
    "communes-dir": "thư mục các xã (mặc định communes/)",
    "output": "thư mục kết quả (mặc định output/)",
    "commune": "chỉ tạo xã này (và trang chỉ mục của tỉnh)",
    "jobs": "số xã tạo song song (mặc định: số lõi CPU)",
    "shard": "K/N: chỉ tạo các xã thứ K, K+N, … (chia việc cho nhiều máy CI; không tạo chỉ mục)",
    "merge": "lấy trang các xã từ các thư mục này (cách nhau bởi dấu phẩy), chỉ tạo trang chỉ mục",
})
def build(c, communes_dir=None, output=None, commune=None, jobs=None, shard=None, merge=None):
    """Tạo trang của mọi xã và trang chỉ mục của tỉnh vào output/."""
    from trangxa.cli import parse_shard

    if jobs is not None and not str(jobs).isdigit():
        raise Exit(f"--jobs phải là một số, không phải '{jobs}'.", code=2)
    options = _options(communes_dir, output, commune, int(jobs) if jobs else None)
    if shard:
        options = replace(options, shard=parse_shard(shard))
    if merge:
        options = replace(options, merge_from=tuple(Path(d) for d in merge.split(",")))
    code = run_build(options)
    if code:
        raise Exit(code=code)


@task(help={
    "communes-dir": "thư mục các xã (mặc định communes/)",
    "commune": "chỉ kiểm tra xã này",
    "as-of": "kiểm tra tại ngày YYYY-MM-DD (mặc định hôm nay)",
    "format": "text (mặc định), json hoặc github",
    "strict": "coi cảnh báo như lỗi",
})
def check(c, communes_dir=None, commune=None, as_of=None, format="text", strict=False):
    """Kiểm tra nội dung của các xã theo quy định; thoát 0 nếu không có lỗi, 1 nếu có, 2 nếu không chạy được."""
    options = _options(communes_dir, commune=commune)
    code = run_check(replace(options, as_of=_date(as_of) or options.as_of), format, strict)  # None: see province.yml
    if code:
        raise Exit(code=code)


@task(help={"quarter": "quý, ví dụ 2026Q3", "year": "năm, ví dụ 2026: đánh giá và xếp hạng cả năm",
            "as-of": "ngày kiểm tra (mặc định: ngày cuối quý, cuối năm)",
            "communes-dir": "thư mục các xã", "output": "thư mục kết quả (mặc định output/)"})
def report(c, quarter=None, year=None, as_of=None, communes_dir=None, output=None):
    """Báo cáo quý (--quarter 2026Q3) hoặc đánh giá, xếp hạng năm (--year 2026) của tỉnh: HTML, CSV, XLSX vào
    output/bao-cao/<quý hoặc năm>/."""
    day = _date(as_of)
    code = run_report(_options(communes_dir, output), quarter, day, year)
    if code:
        raise Exit(code=code)


@task(help={"port": "cổng (mặc định 8000; nếu bận, dùng cổng trống kế tiếp)",
            "output": "thư mục kết quả (mặc định output/)", "no-build": "không tạo lại, chỉ phục vụ output/ có sẵn"})
def serve(c, port=8000, output=None, no_build=False):
    """Tạo trang mẫu rồi phục vụ output/ tại http://127.0.0.1:PORT/ (Ctrl+C để dừng)."""
    from trangxa.serve import PortsBusy, open_server

    options = _options(output=output)
    if not str(port).isdigit():
        raise Exit(f"--port phải là một số, không phải '{port}'.", code=2)
    if not no_build:
        print("Đang tạo trang (lần đầu mất khoảng một phút: ảnh được xử lý một lần rồi giữ lại)…", flush=True)
        build(c, output=str(options.output))
    if not options.output.is_dir():
        raise Exit(f"Chưa có trang nào trong {options.output}: chạy invoke serve (không kèm --no-build).", code=2)
    try:
        server = open_server(options.output, int(port))
    except PortsBusy as err:
        raise Exit(str(err), code=2) from None
    with server:
        print(f"\nMở trình duyệt tại: http://127.0.0.1:{server.server_address[1]}/   (Ctrl+C để dừng)\n", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Đã dừng.")


@task(help={"output": "thư mục kết quả (mặc định output/)"})
def clean(c, output=None):
    """Xóa thư mục kết quả."""
    target = _options(output=output).output
    if target.is_symlink():
        target.unlink()
    shutil.rmtree(target, ignore_errors=True)
    shutil.rmtree(releases_dir(target), ignore_errors=True)
    print(f"Đã xóa {target}")


@task
def mau(c):
    """Viết lại các mẫu trống (communes/_mau/) từ hồ sơ pháp lý của tỉnh."""
    from trangxa.config.province import load_province
    from trangxa.scaffold import write_templates

    province = load_province(ROOT / "province.yml")
    for path in write_templates(province.profile, ROOT / "communes" / "_mau"):
        print(path.relative_to(ROOT))


@task(help={"communes-dir": "thư mục các xã (mặc định communes/)", "commune": "chỉ xã này",
            "apply": "chuyển thật (mặc định chỉ liệt kê); bản gốc được giữ trong <xã>/.trangxa-backup/"})
def fix_encoding(c, communes_dir=None, commune=None, apply=False):
    """Chuyển các tệp ở bảng mã cũ (Windows-1258, TCVN3) hoặc dạng NFD sang Unicode UTF-8 NFC."""
    from trangxa.read import fixencoding

    options = _options(communes_dir, commune=commune)
    folder = options.communes_dir / options.commune if options.commune else options.communes_dir
    fixes = fixencoding.plan(folder)
    for fix in fixes:
        print(f"{fix.path.relative_to(options.communes_dir)}: {fix.kind}")
    if apply:
        fixencoding.apply(fixes, options.communes_dir)
        print(f"Đã chuyển {len(fixes)} tệp; bản gốc ở thư mục .trangxa-backup/ của từng xã.")
    elif fixes:
        print(f"{len(fixes)} tệp cần chuyển. Chạy lại với --apply để chuyển.")
    else:
        print("Không có tệp nào cần chuyển.")


@task(help={
    "branch": "nhánh xuất bản (mặc định gh-pages)",
    "remote": "kho đích (mặc định origin)",
    "per-commune": "mỗi xã một nhánh <nhánh>-<xã>, có tệp CNAME theo tên miền của xã",
    "no-push": "chỉ tạo nhánh trong kho, không đẩy lên",
    "output": "thư mục kết quả (mặc định output/)",
})
def publish(c, branch="gh-pages", remote="origin", per_commune=False, no_push=False, output=None):
    """Tạo bản chính thức (publishconf.py) rồi đẩy lên nhánh xuất bản bằng ghp-import."""
    from trangxa.cli import run_publish

    options = replace(_options(output=output), settings_file=ROOT / "publishconf.py")
    code = run_publish(options, ROOT, branch, remote, per_commune, push=not no_push)
    if code:
        raise Exit(code=code)


@task(help={"commune": "thư mục của xã, ví dụ xa-tan-thanh", "category": "chuyên mục, ví dụ tin-tuc",
            "title": "tiêu đề (dùng đặt tên tệp)"})
def new(c, commune, category, title):
    """Tạo một mục mới đúng mẫu của chuyên mục, ngày hôm nay, trong thư mục của xã."""
    from trangxa.config.province import load_province
    from trangxa.scaffold import new_item

    province = load_province(ROOT / "province.yml")
    path = new_item(province.profile, ROOT / "communes" / commune, category, title, dt.date.today())
    print(f"Đã tạo {path.relative_to(ROOT)}")


@task(help={"lang": "ngôn ngữ, cách nhau bởi dấu phẩy (mặc định en,km)"})
def i18n(c, lang="en,km"):
    """Cập nhật danh mục thông điệp (messages.pot, messages.po của từng ngôn ngữ) từ giao diện và hồ sơ pháp lý."""
    from trangxa.config.province import load_province
    from trangxa_render.i18n import update_catalogues

    province = load_province(ROOT / "province.yml")
    for path in update_catalogues(province.profile, lang.split(",")):
        print(path.relative_to(ROOT))


@task
def cau_hinh(c):
    """Viết lại docs/cau-hinh.md (tài liệu cấu hình) từ các lược đồ trong mã."""
    from trangxa.config.reference import write_reference
    from trangxa.law.loading import load_profile

    print(write_reference(load_profile("nd224-2026"), ROOT / "docs" / "cau-hinh.md").relative_to(ROOT))


@task
def golden(c):
    """Viết lại bản mẫu tests/golden/ (trang của một xã nhỏ) sau một thay đổi có chủ ý."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from golden import GOLDEN, golden_site, write

    with tempfile.TemporaryDirectory() as scratch:
        files = golden_site(Path(scratch))
    write(files)
    print(f"{GOLDEN.relative_to(ROOT)}/: {len(files)} tệp")


@task(help={"branch": "nhánh xuất bản (mặc định gh-pages; mỗi xã: gh-pages-<xã>)",
            "remote": "kho đích (mặc định origin)", "no-push": "chỉ tạo bản quay lại trong kho, không đẩy lên"})
def rollback(c, branch="gh-pages", remote="origin", no_push=False):
    """Quay lại bản xuất bản trước đó trên nhánh xuất bản (chạy lại để lùi thêm một bản)."""
    from trangxa.build.rollback import RollbackError, rollback as back

    try:
        rolled = back(ROOT, branch, remote, send=not no_push)
    except RollbackError as err:
        raise Exit(f"Không quay lại được: {err}", code=2) from None
    print(f"Nhánh {rolled.branch}: đã đăng lại bản {rolled.restored[:12]} thay cho bản {rolled.live[:12]}.")


@task
def codeowners(c):
    """Viết tệp CODEOWNERS (ai duyệt thay đổi của thư mục nào) từ phan-quyen.yml."""
    from trangxa.owners import CODEOWNERS, MAPPING, OwnersError, codeowners as text, parse

    try:
        owners = parse((ROOT / MAPPING).read_text(encoding="utf-8"))
    except (OSError, OwnersError) as err:
        raise Exit(f"Không tạo được {CODEOWNERS}: {err}", code=2) from None
    (ROOT / CODEOWNERS).write_text(text(owners), encoding="utf-8")
    print(f"Đã viết {CODEOWNERS} từ {MAPPING} ({len(owners.communes)} xã).")
