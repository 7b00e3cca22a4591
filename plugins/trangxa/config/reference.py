"""The configuration reference (``docs/cau-hinh.md``), written from the schemas themselves — province.yml
(``config.province.PROVINCE``), commune.yml (the profile's ``don-vi`` record type), the legal profile and a
province's ``bo_sung`` (``law.schema``), the rules' parameters (``law.rules``) — so that it cannot drift from the
code. ``invoke cau-hinh`` rewrites it; a test fails when the committed file is not what the schemas give.
"""

from __future__ import annotations

from pathlib import Path

from trangxa.config.commune import IDENTITY_TYPE
from trangxa.config.province import PROVINCE
from trangxa.law.profile import Profile
from trangxa.law.rules import RULES
from trangxa.law.schema import CATEGORY, FIELD, HOME, RECORD_TYPE
from trangxa.schema import Key

KIND_NAMES = {"text": "chữ", "int": "số nguyên", "bool": "true/false", "date": "ngày (dd/mm/yyyy)",
              "url": "địa chỉ https://", "email": "thư điện tử", "host": "tên miền", "choice": "một trong",
              "list": "danh sách", "map": "nhóm theo tên", "section": "nhóm khóa", "any": "xem mô tả"}

HEADER = """# Cấu hình (configuration reference)

<!-- Viết tự động từ các lược đồ trong mã (plugins/trangxa/config/reference.py); đừng sửa tay:
     chạy `invoke cau-hinh` sau khi đổi lược đồ. Generated from the schemas; run `invoke cau-hinh`. -->

Mọi tệp cấu hình được kiểm tra theo lược đồ dưới đây khi đọc: khóa lạ, sai kiểu, giá trị không cho phép đều được
báo cùng một lần, kèm tệp và dòng. Lỗi trong `province.yml` hoặc hồ sơ pháp lý dừng cả lần chạy (mã thoát 2);
lỗi trong `commune.yml` của một xã chỉ làm xã đó không được tạo (giữ trang đã đăng), các xã khác vẫn được tạo.
"""


def reference(profile: Profile) -> str:
    parts = [HEADER, "## province.yml\n", _table(PROVINCE),
             "\n## commune.yml\n", "Các trường của mẫu `don-vi` trong hồ sơ pháp lý "
             f"({profile.id}); một lỗi ở đây chỉ dừng xã đó.\n", _fields(profile),
             "\n## Hồ sơ pháp lý (`profiles/*.yml`) và phần `bo_sung` của tỉnh\n",
             "Một chuyên mục (`categories[]`):\n", _table(CATEGORY),
             "\nMột mẫu bản ghi (`record_types.<tên>`):\n", _table(RECORD_TYPE),
             "\nMột trường (`record_types.<tên>.fields.<khóa>`):\n", _table(FIELD),
             "\nTrang chủ của xã (`home`):\n", _table(HOME),
             "\n## Quy tắc kiểm tra (`categories[].rules`)\n",
             "Mỗi tham số là tên trường của mẫu mà quy tắc đọc (trừ số ngày); trường được nêu phải có trong mẫu.\n",
             _table(RULES)]
    return "\n".join(parts).rstrip() + "\n"


def _table(keys: dict[str, Key], prefix: str = "") -> str:
    rows = ["| khóa | kiểu | bắt buộc | mặc định | ý nghĩa |", "|---|---|---|---|---|"]
    rows += _rows(keys, prefix)
    return "\n".join(rows) + "\n"


def _rows(keys: dict[str, Key], prefix: str) -> list[str]:
    rows = []
    for name, key in keys.items():
        kind = KIND_NAMES[key.kind] + (f": {', '.join(key.choices)}" if key.choices else "")
        default = "" if key.default is None else f"`{str(key.default).lower() if isinstance(key.default, bool) else key.default}`"
        doc = key.doc.replace("|", "\\|") + (f"{'' if key.doc.endswith('.') else '.'} Ví dụ: `{key.example}`."
                                              if key.example else "")
        rows.append(f"| `{prefix}{name}` | {kind} | {'có' if key.required else ''} | {default} | {doc} |")
        if key.kind == "section":
            rows += _rows(key.keys, f"{prefix}{name}.")
        elif key.kind == "list" and key.item is not None and key.item.kind == "section":
            rows += _rows(key.item.keys, f"{prefix}{name}[].")
    return rows


def _fields(profile: Profile) -> str:
    rows = ["| khóa | kiểu | bắt buộc | ý nghĩa |", "|---|---|---|---|"]
    for spec in profile.record_types[IDENTITY_TYPE].fields:
        kind = spec.type + (f": {', '.join(spec.choices)}" if spec.choices else "")
        rows.append(f"| `{spec.key}` | {kind} | {'có' if spec.required else ''} | {spec.label}"
                    f"{'. ' + spec.help if spec.help else ''} |")
    return "\n".join(rows) + "\n"


def write_reference(profile: Profile, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(reference(profile), encoding="utf-8")
    return path
