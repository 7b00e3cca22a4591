"""A commune's pictures through the pipeline (before its items are read, so that their HTML can use them), and
the photo library's pages: the albums, each album's grid, each photo's full-size page."""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

from trangxa.read.attachments import IMAGE_SUFFIXES
from trangxa.law.findings import Problem
from trangxa_media import albums as album_pages
from trangxa_media.images import ImageStats, publish

from trangxa_site.sections import Section, paginate

ALBUMS_PER_PAGE = 24


def publish_pictures(generator, assets: tuple[str, ...]) -> list[str]:
    """Process every picture into the output (cached by content), setting the generator's ``pictures`` and
    ``published``; returns the other attachments, to copy. A picture Pillow cannot decode after all (its header
    was read when the files were) is a finding of this run."""
    job, result = generator.job, generator.result
    cache = job.cache / "images"
    stats = ImageStats()
    others, pictures = [], {}
    for rel in assets:
        if PurePosixPath(rel).suffix.lower() not in IMAGE_SUFFIXES:
            others.append(rel)
            continue
        try:
            pictures[rel] = publish(job.source / rel, rel, Path(generator.output_path), cache, stats)
        except Exception as err:  # noqa: BLE001 - one unreadable picture must not stop the commune
            detail = str(err)[:80] or type(err).__name__
            result.report(f"{job.commune.slug}/{rel}", Problem("bad-image", {"value": rel, "detail": detail}))
    generator.pictures, generator.published = pictures, set(others) | set(pictures)
    result.images = dataclasses.asdict(stats)
    return others


def library(section: Section, pictures: dict) -> list[album_pages.Album]:
    return album_pages.build_albums(section.category.slug, section.items, pictures)


def write_library(write, section: Section, albums: list[album_pages.Album], crumbs: list, search_label: str) -> None:
    """The album index (paginated), one page per album, one page per photo with its neighbours. Albums are
    searchable (title, description, every photo's description); photo pages repeat them, so they are not."""
    for page in paginate(section.url, albums, size=ALBUMS_PER_PAGE):
        write.page(page.save_as, "albums", section=section, albums=page.items, page_number=page.number,
                   page_count=page.count, listing=page, breadcrumbs=crumbs)
    for album in albums:
        album_crumbs = crumbs + [(album.title, album.url)]
        write.page(f"{album.url}index.html", "album", section=section, album=album, breadcrumbs=album_crumbs,
                   item=album.record, search=(search_label, album.date))
        for index, photo in enumerate(album.photos):
            neighbours = (album.photos[index - 1] if index else None,
                          album.photos[index + 1] if index + 1 < len(album.photos) else None)
            write.page(f"{photo.url}index.html", "photo", section=section, album=album, photo=photo,
                       position=index + 1, neighbours=neighbours,
                       breadcrumbs=album_crumbs + [(photo.caption or photo.name, photo.url)])
