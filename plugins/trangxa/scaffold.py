"""What staff start from: blank templates (mẫu), one per record type, written from the legal profile so that they
can never disagree with what the checks expect (``invoke mau`` writes them to ``communes/_mau/``; ``invoke new``
fills one in); and links into the Git web UI where staff edit — "Sửa trang này" on every page, "Thêm mới" on
every category, the new file pre-filled from the category's template (GitHub's and GitLab's "new file" pages take
its name and content from the address)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote, urlencode

from trangxa.law.profile import Category, Profile, RecordType
from trangxa.text import slugify

COMMUNES_FOLDER = "communes"  # where the communes sit in the repository
PLACEHOLDER = "Nội dung viết ở đây."  # a template's body text, to be replaced: published as is, it is a finding
EXAMPLES = {"date": "20/11/2026", "time": '"07:30"', "number": "0", "url": "https://", "files": "[]",
            "file": "", "image": "", "list": "[]", "email": "ten@donvi.gov.vn",
            "phone": "0290 3831 000", "photos": "\n  - tep: anh-1.jpg\n    mo_ta: Mô tả ảnh"}


def template_text(record_type: RecordType, values: dict | None = None) -> str:
    """A blank item of this record type: every field, commented with its label and whether it is required;
    ``values`` fills some in (the title, today's date)."""
    lines = []
    for spec in record_type.fields:
        need = "bắt buộc" if spec.required else "không bắt buộc"
        hint = f"; chọn: {', '.join(spec.choices)}" if spec.choices else (f"; {spec.help}" if spec.help else "")
        value = "|\n  " if spec.type == "markdown" else EXAMPLES.get(spec.type, "")
        value = (values or {}).get(spec.key, value)
        lines.append(f"# {spec.label} ({need}{hint})\n{spec.key}: {value}".rstrip() + "\n")
    header = "".join(lines)
    if record_type.prose:
        return f"---\n{header}---\n{PLACEHOLDER}\n"
    return header


def write_templates(profile: Profile, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for record_type in profile.record_types.values():
        name = "commune.yml" if record_type.name == "don-vi" else (
            f"{record_type.name}.md" if record_type.prose else f"{record_type.name}.yml")
        path = folder / name
        path.write_text(template_text(record_type), encoding="utf-8")
        written.append(path)
    return written


def file_name(record_type: RecordType, title: str, day: dt.date) -> str:
    suffix = ".md" if record_type.prose else ".yml"
    return f"{day:%Y-%m-%d}-{slugify(title)[:60]}{suffix}"


def new_item(profile: Profile, commune_dir: Path, category_slug: str, title: str, day: dt.date) -> Path:
    """``invoke new``: a new item in the right folder, from its category's template, titled and dated today."""
    category = profile.category(category_slug)
    if category is None:
        raise ValueError(f"Không có chuyên mục '{category_slug}' trong hồ sơ {profile.id}.")
    record_type = profile.record_types[category.record_type]
    values = {spec.key: day.strftime("%d/%m/%Y") for spec in record_type.fields if spec.type == "date"}
    values[record_type.title_field] = f'"{title}"'
    path = commune_dir / category_slug / file_name(record_type, title, day)
    if path.exists():
        raise FileExistsError(f"Đã có tệp {path}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template_text(record_type, values), encoding="utf-8")
    return path


def edit_url(repository: dict, commune: str, rel: str) -> str:
    """The page that edits ``rel`` (a file of the commune) in the web UI."""
    if not repository:
        return ""
    path = quote(f"{COMMUNES_FOLDER}/{commune}/{rel}")
    infix = "/-/edit/" if repository["platform"] == "gitlab" else "/edit/"
    return f"{repository['url']}{infix}{repository['branch']}/{path}"


def new_url(repository: dict, profile: Profile, commune: str, category: Category, day: dt.date) -> str:
    """The web UI's "new file" page in the category's folder, with a dated name and the template as content."""
    if not repository:
        return ""
    record_type = profile.record_types[category.record_type]
    name = file_name(record_type, "tieu-de", day)
    folder = quote(f"{COMMUNES_FOLDER}/{commune}/{category.slug}")
    if repository["platform"] == "gitlab":
        query = urlencode({"file_name": name, "content": template_text(record_type)})
        return f"{repository['url']}/-/new/{repository['branch']}/{folder}?{query}"
    query = urlencode({"filename": name, "value": template_text(record_type)})
    return f"{repository['url']}/new/{repository['branch']}/{folder}?{query}"
