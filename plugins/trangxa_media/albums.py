"""The photo library (thư viện hình ảnh): each folder of pictures below the category is an album; its
``album.yml`` (title, date, description, a description for each photo) is optional, and photos it does not
list are still shown. Pictures put straight in the category's folder form the album "Ảnh khác"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from trangxa.text import fold, slugify

from trangxa_media.images import Picture

LOOSE_ALBUM = "anh-khac"  # the album of pictures not put in a folder of their own


@dataclass(frozen=True)
class Photo:
    picture: Picture
    caption: str
    url: str  # the photo's own page: <album>/<photo>/

    @property
    def name(self) -> str:
        return PurePosixPath(self.picture.rel).name


@dataclass
class Album:
    folder: str  # thu-vien-anh/le-khai-giang
    url: str
    title: str
    date: dt.date | None = None
    description: str = ""
    source: str = ""
    record: object = None  # the album.yml item (a Pelican page), when there is one
    photos: list[Photo] = field(default_factory=list)
    cover_name: str = ""

    @property
    def cover(self) -> Photo | None:
        named = [photo for photo in self.photos if photo.name == self.cover_name]
        return (named or self.photos or [None])[0]


def build_albums(category_slug: str, records: list, pictures: dict[str, Picture]) -> list[Album]:
    """The albums of a category, newest first: one per folder of pictures, with its album.yml if any."""
    by_folder = {record.folder: record for record in records}
    folders = sorted({p.folder for p in pictures.values() if p.folder.startswith(f"{category_slug}/")}
                     | set(by_folder) | ({category_slug} if _loose(category_slug, pictures) else set()))
    albums = [_album(folder, category_slug, by_folder.get(folder), pictures) for folder in folders]
    albums = [album for album in albums if album.photos or album.record is not None]
    return sorted(albums, key=lambda a: (a.date is None, -(a.date or dt.date.min).toordinal(), fold(a.title)))


def _loose(category_slug: str, pictures: dict[str, Picture]) -> bool:
    return any(p.folder == category_slug for p in pictures.values())


def _album(folder: str, category_slug: str, record, pictures: dict[str, Picture]) -> Album:
    url = f"{category_slug}/{LOOSE_ALBUM}/" if folder == category_slug else f"{folder}/"
    values = record.record if record is not None else {}
    album = Album(folder, url, values.get("tieu_de") or _fallback_title(folder, category_slug),
                  values.get("ngay"), values.get("mo_ta", ""), values.get("nguon", ""), record,
                  cover_name=values.get("anh_bia", ""))
    listed = {entry["tep"]: entry["mo_ta"] for entry in values.get("anh", ())}
    own = {PurePosixPath(rel).name: pic for rel, pic in pictures.items() if pic.folder == folder}
    order = [name for name in listed if name in own] + sorted(name for name in own if name not in listed)
    album.photos = [Photo(own[name], listed.get(name, ""), f"{url}{slugify(PurePosixPath(name).stem)}/")
                    for name in order]
    return album


def _fallback_title(folder: str, category_slug: str) -> str:
    """Without album.yml the folder's name is all there is (reported, so that staff give it a real title)."""
    if folder == category_slug:
        return "Ảnh khác"
    return PurePosixPath(folder).name.replace("-", " ").capitalize()
