"""Share cards: the 1200×630 picture Zalo and Facebook show for a shared page that has no picture of its own — the
unit's emblem and name over its title — drawn with Pillow in a bundled font that has every Vietnamese letter
(DejaVu Sans Condensed Bold, ``fonts/``, licence beside it), so a build never depends on the machine's fonts.

Cards are cached by content (the texts, the emblem's bytes, the design's version), like the pictures: a build
copies an unchanged card from the cache instead of drawing it again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

WIDTH, HEIGHT = 1200, 630  # what Facebook recommends (Zalo takes the same); at least 200×200
DESIGN = 1  # bump when the drawing changes, so that cached cards are drawn again
FONT = Path(__file__).with_name("fonts") / "DejaVuSansCondensed-Bold.ttf"
NAME = "chia-se.png"  # the card's file beside its page's index.html
BRAND, BAND_TEXT, TEXT, MUTED, PAPER = (143, 29, 20), (255, 255, 255), (110, 20, 14), (74, 74, 74), (255, 255, 255)
MARGIN, BAND = 56, 168
TITLE_SIZES = (64, 56, 48, 42)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 5


def share_card(title: str, unit: str, emblem: Path | None, folder: Path, cache: Path, footer: str = "") -> Path:
    """The card of a page titled ``title`` of ``unit`` (with its ``emblem``, if any), written into ``folder`` (the
    page's own folder); drawn once per content into ``cache``. Returns the card's path."""
    key = _key(title, unit, emblem, footer)
    cached = cache / key[:2] / f"{key}.png"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(cached, _draw(title, unit, emblem, footer))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / NAME
    target.unlink(missing_ok=True)
    shutil.copyfile(cached, target)  # a copy: nothing written to the output can reach the cache
    target.chmod(0o644)
    return target


def _key(title: str, unit: str, emblem: Path | None, footer: str) -> str:
    digest = hashlib.sha256(repr((DESIGN, title, unit, footer)).encode())
    digest.update(_file_digest(emblem) if emblem else b"")
    return digest.hexdigest()


@functools.lru_cache(maxsize=64)
def _file_digest_at(path: Path, mtime: float, size: int) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _file_digest(path: Path) -> bytes:
    """A commune's emblem is on every card of its site: hashed once, not once per card."""
    if not path.is_file():
        return b""
    stat = path.stat()
    return _file_digest_at(path, stat.st_mtime, stat.st_size)


@functools.lru_cache(maxsize=8)
def _font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT), size)


def _draw(title: str, unit: str, emblem: Path | None, footer: str) -> bytes:
    from PIL import Image, ImageDraw

    card = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, WIDTH, BAND), fill=BRAND)
    left = MARGIN
    if emblem is not None and emblem.is_file():
        left += _paste_emblem(card, emblem, BAND - 48) + 28
    draw.text((left, BAND // 2), unit, font=_fit_font(unit, WIDTH - left - MARGIN, (52, 44, 36, 30)), fill=BAND_TEXT,
              anchor="lm")
    size, lines = _title_lines(title)
    line_height = int(size * 1.22)
    top = BAND + 44
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=_font(size), fill=TEXT)
    draw.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=BRAND)
    if footer:
        draw.text((MARGIN, HEIGHT - 44), footer, font=_font(28), fill=MUTED, anchor="ls")
    out = card.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)  # small, crisp PNG
    import io

    buffer = io.BytesIO()
    out.save(buffer, "PNG")
    return buffer.getvalue()


def _paste_emblem(card, emblem: Path, side: int) -> int:
    from PIL import Image

    with Image.open(emblem) as source:
        picture = source.convert("RGBA")
    picture.thumbnail((side, side))
    top = (BAND - picture.height) // 2
    card.paste(picture, (MARGIN, top), picture)
    return picture.width


def _fit_font(text: str, width: int, sizes: tuple[int, ...]):
    for size in sizes:
        if _font(size).getlength(text) <= width:
            return _font(size)
    return _font(sizes[-1])


def _title_lines(title: str) -> tuple[int, list[str]]:
    """The title wrapped at the largest size that fits; at the smallest, cut after MAX_LINES with an ellipsis."""
    for size in TITLE_SIZES:
        lines = _wrap(title, _font(size), WIDTH - 2 * MARGIN)
        if len(lines) <= MAX_LINES:
            return size, lines
    lines = lines[:MAX_LINES]
    lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return size, lines


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _write_atomic(path: Path, data: bytes) -> None:
    """Builds run side by side and share the cache: a card appears whole or not at all."""
    handle, scratch = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.chmod(scratch, 0o444)  # the cache is only ever read (and copied from), like the pictures'
    os.replace(scratch, path)
