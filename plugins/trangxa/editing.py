"""Links into the Git web UI where staff edit: "Sửa trang này" on every page, "Thêm mới" on every category,
the new file pre-filled from the category's template (GitHub's and GitLab's "new file" pages take its name and
content from the address)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from .profile import Category, Profile
from .templates import file_name, template_text

COMMUNES_FOLDER = "communes"  # where the communes sit in the repository


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
