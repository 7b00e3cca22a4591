"""The image pipeline: renditions of the expected widths and formats, nothing of the EXIF/GPS metadata left in the
bytes published, orientation applied, phone photos made light, and a cache that skips unchanged pictures."""

import io
import re

import pytest
from PIL import Image, TiffImagePlugin

from helpers import build_scratch, commune_files, read
from trangxa_media.images import ImageStats, publish

SLUG = "xa-tan-thanh"
GPS_IFD = 0x8825


def phone_photo(size=(4000, 3000), orientation=6) -> bytes:
    """A 12-megapixel photo as a phone writes it (about 10 MB: smooth light with sensor grain), stored sideways,
    with GPS and a camera model in its EXIF, and an XMP packet."""
    light = Image.merge("RGB", (Image.linear_gradient("L").resize(size), Image.radial_gradient("L").resize(size),
                                Image.linear_gradient("L").rotate(90).resize(size)))
    grain = Image.merge("RGB", [Image.effect_noise(size, 60) for _ in range(3)])
    image = Image.blend(light, grain, 0.5)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0110] = "CitizenPhone 12"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[3] = "N", "E"
    gps[2] = (TiffImagePlugin.IFDRational(9), TiffImagePlugin.IFDRational(10), TiffImagePlugin.IFDRational(305, 10))
    gps[4] = (TiffImagePlugin.IFDRational(105), TiffImagePlugin.IFDRational(9), TiffImagePlugin.IFDRational(12))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif.tobytes(), xmp=b"<x:xmpmeta>GPSLatitude 9,10.5N</x:xmpmeta>")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def photo(tmp_path_factory):
    path = tmp_path_factory.mktemp("photo") / "nha-dan.jpg"
    path.write_bytes(phone_photo())
    return path


def assert_no_metadata(data: bytes) -> None:
    """Nothing of the camera's metadata in the bytes: no EXIF block, no GPS, no XMP, no camera model."""
    assert b"Exif\x00\x00" not in data and b"CitizenPhone" not in data
    assert b"xmpmeta" not in data and b"GPSLatitude" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif() and not image.getexif().get_ifd(GPS_IFD)
        assert "exif" not in image.info and "xmp" not in image.info


def test_a_phone_photo_becomes_light_upright_renditions_without_metadata(photo, tmp_path):
    assert photo.stat().st_size > 5_000_000
    stats = ImageStats()
    picture = publish(photo, "tin-tuc/nha-dan.jpg", tmp_path / "site", tmp_path / "cache", stats)
    # stored 4000×3000 with orientation 6: upright it is 3000 wide, 4000 high; the largest fits 1600×1600
    assert (picture.width, picture.height) == (1200, 1600)
    widths = {(r.format, r.width) for r in picture.renditions}
    assert widths == {("WEBP", w) for w in (320, 640, 960, 1200)} | {("JPEG", 1200)}  # the fallback: full width
    folder = tmp_path / "site" / "tin-tuc"
    for rendition in picture.renditions:
        data = (folder / rendition.name).read_bytes()
        assert_no_metadata(data)
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == rendition.format and image.size == (rendition.width, rendition.height)
    published = (folder / "nha-dan.jpg").read_bytes()  # the original's own path: the largest clean rendition
    assert_no_metadata(published)
    assert published == (folder / "nha-dan-1200.jpg").read_bytes()
    assert photo.stat().st_size > 5_000_000 > 500_000 > len(published)
    assert (folder / "nha-dan-640.webp").stat().st_size < 100_000  # what a phone on a slow network loads


def test_a_transparent_png_keeps_its_transparency_in_a_png_fallback(tmp_path):
    source = tmp_path / "so-do.png"
    image = Image.new("RGBA", (800, 500), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (100, 100, 700, 400))
    image.save(source)
    picture = publish(source, "gioi-thieu/so-do.png", tmp_path / "site", tmp_path / "cache", ImageStats())
    assert {(r.format, r.width) for r in picture.renditions} == {("WEBP", 320), ("WEBP", 640), ("WEBP", 800),
                                                                ("PNG", 800)}
    with Image.open(tmp_path / "site" / "gioi-thieu" / "so-do-320.webp") as small:
        assert small.mode == "RGBA" and small.getpixel((0, 0))[3] == 0
    with Image.open(tmp_path / "site" / "gioi-thieu" / "so-do-800.png") as fallback:
        assert fallback.mode == "RGBA" and fallback.getpixel((0, 0))[3] == 0
    with Image.open(tmp_path / "site" / "gioi-thieu" / "so-do.png") as own:
        assert own.size == (800, 500)


def test_a_jpeg_that_needs_no_change_keeps_its_compressed_data_without_metadata(tmp_path):
    """A photo already small enough, upright and in sRGB (as shared through a chat app) is not encoded again:
    its own image data is published, every metadata segment dropped."""
    source = tmp_path / "chia-se.jpg"
    source.write_bytes(phone_photo(size=(1280, 960), orientation=1))
    picture = publish(source, "tin-tuc/chia-se.jpg", tmp_path / "site", tmp_path / "cache", ImageStats())
    published = (tmp_path / "site" / "tin-tuc" / "chia-se-1280.jpg").read_bytes()
    assert_no_metadata(published)
    scan = source.read_bytes()[source.read_bytes().index(b"\xff\xda"):]
    assert published.endswith(scan) and len(published) < len(source.read_bytes())  # the same pixels, lighter
    with Image.open(source) as original, Image.open(tmp_path / "site" / "tin-tuc" / "chia-se-1280.jpg") as copy:
        assert original.tobytes() == copy.tobytes()
    assert {r.format for r in picture.renditions if r.width == 1280} == {"WEBP", "JPEG"}


def test_an_iphone_heic_photo_is_published_upright_without_gps(tmp_path):
    """HEIC (decode-only pi-heif): renditions in WebP and JPEG, the GPS of its EXIF dropped, and no .heic file
    published (browsers cannot show it)."""
    from pathlib import Path

    source = tmp_path / "iphone.heic"
    source.write_bytes((Path(__file__).with_name("corpus") / "iphone-gps.heic").read_bytes())
    picture = publish(source, "tin-tuc/iphone.heic", tmp_path / "site", tmp_path / "cache", ImageStats())
    assert (picture.width, picture.height) == (600, 800)  # stored turned: shown upright
    folder = tmp_path / "site" / "tin-tuc"
    assert sorted(p.name for p in folder.iterdir()) == ["iphone-320.webp", "iphone-600.jpg", "iphone-600.webp"]
    for path in folder.iterdir():
        assert_no_metadata(path.read_bytes())


def test_a_small_picture_is_never_enlarged(tmp_path):
    source = tmp_path / "nho.jpg"
    Image.new("RGB", (500, 300), (10, 120, 60)).save(source)
    picture = publish(source, "nho.jpg", tmp_path / "site", tmp_path / "cache", ImageStats())
    assert sorted({r.width for r in picture.renditions}) == [320, 500]


def test_the_cache_skips_unchanged_pictures_and_redoes_changed_ones(photo, tmp_path):
    cache = tmp_path / "cache"
    first, second, third = ImageStats(), ImageStats(), ImageStats()
    publish(photo, "a/nha-dan.jpg", tmp_path / "one", cache, first)
    entries = sorted(cache.rglob("*.webp"))
    stamps = [entry.stat().st_mtime_ns for entry in entries]
    publish(photo, "b/nha-dan.jpg", tmp_path / "two", cache, second)  # another commune, the same photo
    assert (first.made, first.reused, second.made, second.reused) == (1, 0, 0, 1)
    assert [entry.stat().st_mtime_ns for entry in sorted(cache.rglob("*.webp"))] == stamps
    assert (tmp_path / "two/b/nha-dan-320.webp").read_bytes() == (tmp_path / "one/a/nha-dan-320.webp").read_bytes()
    changed = tmp_path / "changed.jpg"
    Image.open(photo).rotate(180).save(changed, quality=80)
    publish(changed, "a/changed.jpg", tmp_path / "three", cache, third)
    assert (third.made, third.reused) == (1, 0)


def test_a_second_build_processes_no_picture_again(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/tin-tuc/tin.md"] = ("---\ntieu_de: Tin\nngay_dang: 19/11/2026\nanh_bia: nha.jpg\n"
                                      "anh_bia_alt: Ngôi nhà\n---\nNội dung.\n")
    files[f"{SLUG}/tin-tuc/nha.jpg"] = phone_photo((1200, 900), orientation=1)
    first, output = build_scratch(tmp_path, files)
    assert (first.communes[0].images["made"], first.communes[0].images["reused"]) == (1, 0)
    other = {f"{SLUG}/tin-tuc/khac.md": "---\ntieu_de: Tin khác\nngay_dang: 19/11/2026\n---\nNội dung.\n"}
    second, _ = build_scratch(tmp_path, other)  # the commune is built again; its picture comes from the cache
    assert not second.communes[0].reused
    assert (second.communes[0].images["made"], second.communes[0].images["reused"]) == (0, 1)
    assert_no_metadata((output / SLUG / "tin-tuc" / "nha.jpg").read_bytes())


def test_pages_use_srcset_with_sizes_dimensions_and_lazy_loading_below_the_fold(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    for n in (1, 2):
        files[f"{SLUG}/tin-tuc/tin-{n}.md"] = (f"---\ntieu_de: Tin {n}\nngay_dang: 1{n}/11/2026\nanh_bia: nha-{n}.jpg\n"
                                               f"anh_bia_alt: Ngôi nhà {n}\n---\n![Cây đa](cay.jpg)\n")
        files[f"{SLUG}/tin-tuc/nha-{n}.jpg"] = phone_photo((1000, 700), orientation=1)
    files[f"{SLUG}/tin-tuc/cay.jpg"] = phone_photo((700, 1000), orientation=1)
    _, output = build_scratch(tmp_path, files)
    listing = read(output, f"{SLUG}/tin-tuc/index.html")
    pictures = re.findall(r"<picture>.*?</picture>", listing)
    assert len(pictures) == 2
    assert 'srcset="../tin-tuc/nha-2-320.webp 320w, ../tin-tuc/nha-2-640.webp 640w, ../tin-tuc/nha-2-960.webp 960w, ' \
           '../tin-tuc/nha-2-1000.webp 1000w"' in pictures[0]
    assert 'width="1000" height="700" alt="Ngôi nhà 2" fetchpriority="high"' in pictures[0]  # first card: eager
    assert 'alt="Ngôi nhà 1" loading="lazy"' in pictures[1]  # below the fold: lazy
    article = read(output, f"{SLUG}/tin-tuc/tin-1/index.html")
    assert 'srcset="../cay-320.webp 320w, ../cay-640.webp 640w, ../cay-700.webp 700w"' in article
    assert 'width="700" height="1000" alt="Cây đa" loading="lazy"' in article
    assert '<meta property="og:image" content="https://xa.thunghiem.gov.vn/xa-tan-thanh/tin-tuc/nha-1-1000.jpg">' in article
    assert "<img" not in re.sub(r"<picture>.*?</picture>", "", article)  # every picture goes through the pipeline


def test_a_picture_without_alt_text_or_missing_is_a_finding_and_never_a_broken_image(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/tin-tuc/tin.md"] = ("---\ntieu_de: Tin\nngay_dang: 19/11/2026\nanh_bia: nha.jpg\n---\n"
                                      "Dòng một.\n\n![](nha.jpg)\n\n![Cầu tre](cau-tre.jpg)\n")
    files[f"{SLUG}/tin-tuc/nha.jpg"] = phone_photo((640, 400), orientation=1)
    files[f"{SLUG}/tin-tuc/khac.md"] = "---\ntieu_de: Khác\nngay_dang: 18/11/2026\nanh_bia: khong-co.jpg\n" \
                                       "anh_bia_alt: Ảnh không có\n---\n"
    result, output = build_scratch(tmp_path, files)
    found = {(f.file.split("/")[-1], f.rule, f.line) for f in result.findings}
    assert ("tin.md", "missing-alt", 4) in found  # anh_bia without anh_bia_alt
    assert ("tin.md", "missing-alt-markdown", 8) in found
    assert ("tin.md", "broken-link", 10) in found
    assert ("khac.md", "missing-file", 4) in found
    message = next(f for f in result.findings if f.rule == "missing-alt")
    assert message.message == 'Ảnh "nha.jpg" chưa có mô tả cho người khiếm thị (trường "anh_bia_alt" để trống).'
    article = read(output, f"{SLUG}/tin-tuc/tin/index.html")
    assert '<span class="missing-file">[Cầu tre]</span>' in article and "cau-tre.jpg" not in article
    assert "khong-co" not in read(output, f"{SLUG}/tin-tuc/khac/index.html")
