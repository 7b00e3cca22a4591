"""The image pipeline: every picture a commune publishes, resized for phones, stripped of its metadata.

A phone photo of 5–20 MB becomes a few WebP renditions (with JPEG, or PNG where there is transparency, as the
fallback) that ``srcset`` lets a cheap phone on a slow network choose from. EXIF orientation is applied and then
*all* metadata is dropped — EXIF, GPS, XMP, comments (a photo of a citizen's house must not tell where it is).
The original file is never published: its path gets the largest clean rendition, so a link to it still works.

Renditions are cached by the picture's content hash (and the pipeline's settings), so an unchanged picture is
never processed twice, across builds and across communes; a build copies them into its output. Never a hard
link: anything that later opens a published file for writing (Pelican's theme copy did, for a commune's
``theme/img/favicon.png``) would write into the cache, and through it into every commune showing that picture.
The cache's files are also made read-only.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

WIDTHS = (320, 640, 960, 1600)  # 1600: the longer side of the full-size view; phones take 320–960
QUALITY = {"WEBP": 72, "JPEG": 78}
WEBP_METHOD = 4  # libwebp's effort (0–6): 4 is its default; bench/pictures.py compares the others
PIPELINE = 2  # bump when the renditions change, so that cached ones are made again
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
UNSERVED = (".heic", ".heif")  # browsers cannot show these: the source's own path is not published
SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


@dataclass(frozen=True)
class Rendition:
    name: str  # file name beside the source picture in the output (ra-quan-640.webp)
    width: int
    height: int
    format: str  # WEBP, JPEG, PNG


@dataclass(frozen=True)
class Picture:
    """A processed picture: its source path in the commune (and the site), its size, and its renditions."""

    rel: str
    width: int  # of the largest rendition, after orientation
    height: int
    renditions: tuple[Rendition, ...]

    @property
    def folder(self) -> str:
        return str(PurePosixPath(self.rel).parent).removeprefix(".")

    def of_format(self, fmt: str) -> tuple[Rendition, ...]:
        return tuple(r for r in self.renditions if r.format == fmt)

    @property
    def fallback(self) -> tuple[Rendition, ...]:
        return tuple(r for r in self.renditions if r.format != "WEBP")


@dataclass
class ImageStats:
    made: int = 0  # processed now
    reused: int = 0  # taken from the cache
    source_bytes: int = 0
    output_bytes: int = 0  # every rendition written to the site


def settings_key() -> str:
    return json.dumps([PIPELINE, WIDTHS, QUALITY])


def cache_key(source: Path) -> str:
    digest = hashlib.sha256(settings_key().encode())
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def publish(source: Path, rel: str, output: Path, cache: Path, stats: ImageStats) -> Picture:
    """The picture at ``rel`` (relative to the site root) processed — or found in the cache — and its renditions
    linked into ``output`` beside where the source would be; the source's own path gets the largest fallback."""
    entry = cache / (key := cache_key(source))[:2] / key
    meta = entry / "picture.json"
    if meta.is_file():
        stats.reused += 1
        renditions, width, height = _read_meta(meta)
    else:
        stats.made += 1
        renditions, width, height = _make(source, entry)
    stem = PurePosixPath(rel).stem
    target = output / PurePosixPath(rel).parent
    target.mkdir(parents=True, exist_ok=True)
    named = tuple(Rendition(f"{stem}-{r.name}", r.width, r.height, r.format) for r in renditions)
    for cached, published in zip(renditions, named):
        _copy(entry / cached.name, target / published.name)
    if source.suffix.lower() not in UNSERVED:
        largest = max((r for r in renditions if r.format == _source_format(source)), key=lambda r: r.width)
        _copy(entry / largest.name, target / PurePosixPath(rel).name)
    stats.source_bytes += source.stat().st_size
    stats.output_bytes += sum((entry / r.name).stat().st_size for r in renditions)
    return Picture(rel, width, height, named)


def _read_meta(meta: Path) -> tuple[tuple[Rendition, ...], int, int]:
    data = json.loads(meta.read_text(encoding="utf-8"))
    return tuple(Rendition(**r) for r in data["renditions"]), data["width"], data["height"]


def _source_format(source: Path) -> str:
    """The format the source's own path is published in (a GIF keeps its name, re-encoded as a still GIF)."""
    return FORMATS.get(source.suffix.lower(), "JPEG")


def _make(source: Path, entry: Path) -> tuple[tuple[Rendition, ...], int, int]:
    """Write every rendition of ``source`` into the cache entry, atomically (parallel builds may race).

    Every width in WebP, each resized from the next larger one (cheaper than from the largest, and as sharp);
    the fallback for browsers without WebP (and the file shared on social networks, and the one at the source's
    own path) at the full width only. A JPEG that needs no resizing, turning or colour conversion keeps its own
    compressed data, only its metadata dropped (``strip_jpeg``): no generation loss, nothing to encode."""
    clean, untouched = open_clean(source, max(WIDTHS), report_untouched=True)
    width, height = clean.size
    own = _source_format(source)
    fallback = _fallback_format(own, clean)
    lossless = own in ("PNG", "GIF")  # drawings, maps, org charts: crisp edges, no JPEG smudge
    staging = entry.with_name(f"{entry.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    renditions, previous = [], clean
    for size in reversed(_sizes(width, height)):  # the largest first
        resized = previous if size == previous.size else previous.resize(size, resample=_lanczos())
        previous = resized
        full = size[0] == width
        for fmt in ["WEBP"] + ([fallback] + ([own] if own not in ("WEBP", fallback) else []) if full else []):
            name = f"{size[0]}{SUFFIX[fmt]}"
            if full and fmt == "JPEG" and untouched:
                (staging / name).write_bytes(strip_jpeg(source.read_bytes()))
            else:
                _save(resized, staging / name, fmt, lossless)
            renditions.append(Rendition(name, size[0], size[1], fmt))
    renditions.sort(key=lambda r: (r.width, r.format))
    meta = {"width": width, "height": height, "renditions": [asdict(r) for r in renditions]}
    (staging / "picture.json").write_text(json.dumps(meta), encoding="utf-8")
    for made in staging.iterdir():
        made.chmod(0o444)  # the cache is only ever read (and only ever copied from)
    try:
        staging.rename(entry)
    except OSError:  # another process made the same picture first: keep theirs
        shutil.rmtree(staging, ignore_errors=True)
    return tuple(renditions), width, height


def _fallback_format(own: str, image) -> str:
    """For browsers without WebP: JPEG for photos, PNG for drawings and anything transparent."""
    if own in ("PNG", "GIF") or _has_alpha(image):
        return "PNG"
    return "JPEG"


def open_clean(source: Path, max_side: int, report_untouched: bool = False):
    """The picture upright (EXIF orientation applied), in sRGB, its longer side at most ``max_side``, with no
    metadata. Large JPEGs are decoded at a reduced scale straight away (``draft``): a 20 MB photo never sits in
    memory at full size. ``report_untouched``: also say whether the file is a JPEG whose pixels are kept as they
    are (no resizing, turning or colour conversion was needed)."""
    from PIL import ImageOps

    from trangxa.read.attachments import open_image

    with open_image(source) as image:
        orientation = image.getexif().get(0x0112, 1)
        sideways = orientation >= 5  # orientations 5–8: stored rotated a quarter turn
        scale = min(1.0, max_side / max(image.size))
        target = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        if image.format == "JPEG":
            image.draft("RGB", target)
        image.load()
        upright = ImageOps.exif_transpose(image)
        untouched = image.format == "JPEG" and orientation in (0, 1) and scale == 1.0 \
            and not image.info.get("icc_profile") and image.mode in ("RGB", "L")
    upright = _to_srgb(upright)
    size = target[::-1] if sideways else target
    if upright.size != size:
        upright = upright.resize(size, resample=_lanczos())
    mode = "RGBA" if _has_alpha(upright) else "RGB"
    clean = upright.convert(mode)
    clean.info = {}  # EXIF, XMP, ICC, comments: nothing travels into the renditions
    return (clean, untouched) if report_untouched else clean


# JPEG markers: APP1 (EXIF, XMP), APP2 (ICC), APP12–APP13 (IPTC, Photoshop), COM (comments) carry metadata;
# APP0 (JFIF) and APP14 (Adobe: the colour transform) describe the pixels and stay.
METADATA_MARKERS = frozenset({0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEF, 0xFE})


def strip_jpeg(data: bytes) -> bytes:
    """A JPEG's bytes without its metadata segments; the compressed image is copied as it is."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out, position = [data[:2]], 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("broken JPEG marker")
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out.append(data[position:])
            return b"".join(out)
        length = int.from_bytes(data[position + 2:position + 4], "big")
        if marker not in METADATA_MARKERS:
            out.append(data[position:position + 2 + length])
        position += 2 + length
    raise ValueError("JPEG without image data")


def _to_srgb(image):
    """Phones tag photos with a wide-gamut profile (Display P3): convert rather than drop it, or colours fade."""
    icc = image.info.get("icc_profile")
    if not icc:
        return image
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if _has_alpha(image) else "RGB"
        return ImageCms.profileToProfile(image.convert(mode), source, ImageCms.createProfile("sRGB"),
                                         outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _has_alpha(image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _sizes(width: int, height: int) -> list[tuple[int, int]]:
    """The widths of WIDTHS smaller than the picture, and the picture's own width: never enlarged."""
    sizes = [(w, max(1, round(height * w / width))) for w in WIDTHS if w < width]
    return sizes + [(width, height)]


def _save(image, path: Path, fmt: str, lossless: bool) -> None:
    if fmt == "WEBP":
        image.save(path, "WEBP", quality=QUALITY["WEBP"], method=WEBP_METHOD, lossless=lossless)
    elif fmt == "JPEG":
        image.convert("RGB").save(path, "JPEG", quality=QUALITY["JPEG"], optimize=True, progressive=True)
    else:
        image.save(path, fmt, optimize=True)


def _lanczos():
    from PIL import Image

    return Image.Resampling.LANCZOS


def _copy(cached: Path, published: Path) -> None:
    """Copy a cached rendition into the output — a copy, never a link into the cache (see above)."""
    published.unlink(missing_ok=True)
    shutil.copyfile(cached, published)
    published.chmod(0o644)
