"""Attachments (tệp đính kèm): what may be published beside the items, and whether a file is what its name says.

A file is published only when its type is allowed, its size is reasonable and its bytes match its extension — a
Word file renamed ``.pdf`` would be a broken download on the site; here it is a located finding instead.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from trangxa.law.findings import Problem

ATTACHMENT_SUFFIXES = frozenset(
    ".pdf .doc .docx .xls .xlsx .odt .ods .odp .ppt .pptx .csv .txt .zip .jpg .jpeg .png .webp .gif .mp4 .webm "
    ".vtt .heic .heif".split())  # no .svg (it can carry script), no programs
IMAGE_SUFFIXES = frozenset(".jpg .jpeg .png .webp .gif .heic .heif".split())  # HEIC: iPhones' own photos
MAX_ATTACHMENT_BYTES = 50_000_000
MAX_IMAGE_PIXELS = 100_000_000  # beyond any phone camera: a decompression bomb

_ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are zip archives
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # Word 97–2003, Excel 97–2003
# The first bytes each format starts with (offset, prefixes). Images are checked by opening them.
SIGNATURES: dict[str, tuple[int, tuple[bytes, ...]]] = {
    ".pdf": (0, (b"%PDF-",)),
    ".docx": (0, _ZIP), ".xlsx": (0, _ZIP), ".pptx": (0, _ZIP), ".odt": (0, _ZIP), ".ods": (0, _ZIP),
    ".odp": (0, _ZIP), ".zip": (0, _ZIP),
    ".doc": (0, _OLE), ".xls": (0, _OLE), ".ppt": (0, _OLE),
    ".mp4": (4, (b"ftyp",)),
    ".webm": (0, (b"\x1a\x45\xdf\xa3",)),
    ".vtt": (0, (b"WEBVTT", b"\xef\xbb\xbfWEBVTT")),
}


def check_attachment(path: Path) -> Problem | None:
    """Why an attachment must not be published, if it must not: its type, its size, or bytes that are not what
    its extension says."""
    suffix = path.suffix.lower()
    if suffix not in ATTACHMENT_SUFFIXES:
        return Problem("unexpected-file", {"kind": suffix or "không có đuôi"})
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        return Problem("file-too-large", {"size": size // 1000, "limit": MAX_ATTACHMENT_BYTES // 1000})
    if suffix in IMAGE_SUFFIXES:
        return _check_image(path)
    if suffix in SIGNATURES and not _starts_right(path, *SIGNATURES[suffix]):
        return Problem("bad-attachment", {"value": path.name, "kind": suffix.lstrip(".").upper()})
    return None


def _starts_right(path: Path, offset: int, prefixes: tuple[bytes, ...]) -> bool:
    with path.open("rb") as handle:
        head = handle.read(offset + max(len(prefix) for prefix in prefixes))
    return any(head[offset:].startswith(prefix) for prefix in prefixes)


def open_image(path: Path):
    """Pillow's ``Image.open``, knowing HEIC/HEIF too (iPhone photos), through the decode-only ``pi-heif`` (the
    ``pillow-heif`` wheels bundle a GPL encoder, which we do not need)."""
    from PIL import Image

    if path.suffix.lower() in (".heic", ".heif"):
        from pi_heif import register_heif_opener

        register_heif_opener()
    return Image.open(path)


def _check_image(path: Path) -> Problem | None:
    from PIL import Image  # only when a commune has images

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with open_image(path) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValueError(f"{width}×{height} điểm ảnh")
                image.verify()
    except Exception as err:  # noqa: BLE001 - any failure to read means it is not a usable image
        return Problem("bad-image", {"value": path.name, "detail": str(err)[:80] or type(err).__name__})
    return None
