"""The photo library (albums as folders, a page per photo that works without script) and videos (YouTube loaded
only on click, local MP4 with poster and captions)."""

import re

import pytest

from fixtures import JPEG
from helpers import ROOT, build_scratch, commune_files, read, walk
from trangxa.law.loading import load_profile
from trangxa_media.video import youtube_id

SLUG = "xa-tan-thanh"
LIB = f"{SLUG}/thu-vien-anh"
ALBUM = """\
    tieu_de: Lễ hội Nghinh Ông 2026
    ngay: 12/08/2026
    mo_ta: Lễ hội truyền thống của ngư dân.
    anh_bia: ghe-hoa.jpg
    anh:
      - tep: ghe-hoa.jpg
        mo_ta: Ghe hoa rước Ông trên sông
      - tep: le-te.jpg
        mo_ta: Các bô lão làm lễ tế
      - tep: dan-ca.jpg
"""


def library() -> dict:
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{LIB}/le-hoi-nghinh-ong/album.yml"] = ALBUM
    for name in ("ghe-hoa", "le-te", "dan-ca", "bai-bien"):  # bai-bien.jpg is not in album.yml
        files[f"{LIB}/le-hoi-nghinh-ong/{name}.jpg"] = JPEG
    files[f"{LIB}/chua-dat-ten/a.jpg"] = JPEG  # a folder without album.yml
    files[f"{LIB}/roi.jpg"] = JPEG  # a photo in no album
    return files


def test_albums_are_folders_with_an_index_a_grid_and_a_page_per_photo(tmp_path):
    result, output = build_scratch(tmp_path, library())
    index = read(output, f"{LIB}/index.html")
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', index)
    assert titles == ["Lễ hội Nghinh Ông 2026", "Ảnh khác", "Chua dat ten"]  # dated first, then by title
    assert "12/08/2026</time> · 4 ảnh" in index
    album = read(output, f"{LIB}/le-hoi-nghinh-ong/index.html")
    order = re.findall(r'<a href="\.\./\.\./thu-vien-anh/le-hoi-nghinh-ong/([a-z-]+)/">', album)
    assert order == ["ghe-hoa", "le-te", "dan-ca", "bai-bien"]  # album.yml's order, then the others by name
    assert 'alt="Ghe hoa rước Ông trên sông"' in album and "Lễ hội truyền thống của ngư dân." in album
    photo = read(output, f"{LIB}/le-hoi-nghinh-ong/le-te/index.html")
    assert "<h1>Các bô lão làm lễ tế</h1>" in photo and "Ảnh 2/4 của album" in photo
    assert '<a rel="prev" href="../../../thu-vien-anh/le-hoi-nghinh-ong/ghe-hoa/">Ảnh trước</a>' in photo
    assert '<a rel="next" href="../../../thu-vien-anh/le-hoi-nghinh-ong/dan-ca/">Ảnh sau</a>' in photo
    assert 'fetchpriority="high"' in photo and "<script" not in photo.split("</head>")[1]  # no script needed
    assert (output / LIB / "anh-khac" / "roi" / "index.html").is_file()
    found = {(f.file, f.rule) for f in result.findings}
    assert found >= {(f"{LIB}/le-hoi-nghinh-ong/album.yml", "missing-alt"),  # dan-ca.jpg has no mo_ta
                     (f"{LIB}/le-hoi-nghinh-ong/album.yml", "photo-not-described"),  # bai-bien.jpg
                     (f"{LIB}/chua-dat-ten/", "album-yml-missing"), (f"{LIB}/", "loose-photo")}


def test_an_album_yml_outside_an_album_folder_is_reported_not_lost(tmp_path):
    files = library()
    files[f"{LIB}/album.yml"] = ALBUM
    result, _ = build_scratch(tmp_path, files)
    assert (f"{LIB}/album.yml", "record-file-name") in {(f.file, f.rule) for f in result.findings}


@pytest.mark.parametrize("url, expected", [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?t=42", "dQw4w9WgXcQ"),
    ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/watch?v=short", None),
    ("https://vimeo.com/123456", None),
])
def test_youtube_ids_from_every_address_people_paste(url, expected):
    assert youtube_id(url) == expected


def test_a_youtube_video_loads_nothing_from_youtube_until_clicked(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/video/vneid.md"] = ("---\ntieu_de: Hướng dẫn VNeID\nngay_dang: 12/11/2026\n"
                                       "youtube: https://youtu.be/Mh2026VneID\nanh: vneid.jpg\nanh_alt: Màn hình VNeID\n"
                                       "---\nXem thêm:\n\n<https://www.youtube.com/watch?v=dQw4w9WgXcQ>\n")
    files[f"{SLUG}/video/vneid.jpg"] = JPEG
    _, output = build_scratch(tmp_path, files)
    page = read(output, f"{SLUG}/video/vneid/index.html")
    assert '<div class="video-facade" data-embed="https://www.youtube-nocookie.com/embed/Mh2026VneID?autoplay=1"' in page
    assert '<a class="video-play" href="https://www.youtube.com/watch?v=Mh2026VneID"' in page
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in page  # the body's link
    assert "<iframe" not in page  # the player exists only after the click (site.js)
    assert not re.search(r'(src|srcset|poster)="https://[^"]*(youtube|ytimg)', page)
    assert 'alt="Màn hình VNeID"' in page


def test_a_local_video_has_its_poster_and_captions_and_preloads_nothing(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/video/dien-tap.md"] = ("---\ntieu_de: Diễn tập\nngay_dang: 08/10/2026\ntep: dien-tap.mp4\n"
                                          "anh: dien-tap.jpg\nanh_alt: Diễn tập\nphu_de: dien-tap.vtt\n---\n")
    files[f"{SLUG}/video/dien-tap.mp4"] = (ROOT / "communes/phuong-dong-hai/video/2026-10-phong-su-dien-tap.mp4").read_bytes()
    files[f"{SLUG}/video/dien-tap.vtt"] = "WEBVTT\n\n00:00.000 --> 00:02.000\nDiễn tập\n"
    files[f"{SLUG}/video/dien-tap.jpg"] = JPEG
    result, output = build_scratch(tmp_path, files)
    page = read(output, f"{SLUG}/video/dien-tap/index.html")
    assert '<video controls preload="none" playsinline poster="../../video/dien-tap-64.jpg">' in page
    assert '<source src="../../video/dien-tap.mp4" type="video/mp4">' in page
    assert '<track kind="captions" src="../../video/dien-tap.vtt" srclang="vi" label="Tiếng Việt" default>' in page
    assert (output / SLUG / "video/dien-tap.vtt").is_file() and (output / SLUG / "video/dien-tap.mp4").is_file()
    assert not [f for f in result.findings if f.file.startswith(f"{SLUG}/video")]


def test_a_video_needs_a_source_and_a_real_youtube_address(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/video/khong-nguon.md"] = "---\ntieu_de: Không nguồn\nngay_dang: 08/10/2026\n---\n"
    files[f"{SLUG}/video/sai.md"] = ("---\ntieu_de: Sai\nngay_dang: 08/10/2026\n"
                                     "youtube: https://vimeo.com/123\n---\n")
    files[f"{SLUG}/video/gia.md"] = "---\ntieu_de: Giả\nngay_dang: 08/10/2026\ntep: gia.mp4\n---\n"
    files[f"{SLUG}/video/gia.mp4"] = b"this is a text file named .mp4"
    result, output = build_scratch(tmp_path, files)
    found = {(f.file.rsplit("/", 1)[1], f.rule) for f in result.findings}
    assert {("khong-nguon.md", "one-of-missing"), ("sai.md", "bad-format"), ("gia.mp4", "bad-attachment")} <= found
    missing = next(f for f in result.findings if f.rule == "one-of-missing")
    assert missing.message == ('Cần khai báo ít nhất một trong các trường: "youtube" (Địa chỉ video trên YouTube) '
                               'hoặc "tep" (Tệp video (MP4)).')
    assert '<p class="empty">Video chưa được đăng.</p>' in read(output, f"{SLUG}/video/gia/index.html")


def test_the_demo_has_albums_videos_and_documents_of_several_types_and_statuses(demo_build):
    result, output = demo_build
    site = output / "phuong-dong-hai"
    assert len(list((site / "thu-vien-anh").glob("*/index.html"))) >= 3
    assert "<video" in read(output, "phuong-dong-hai/video/2026-10-phong-su-dien-tap/index.html")
    assert "video-facade" in read(output, "phuong-dong-hai/video/2026-11-huong-dan-vneid/index.html")
    import json

    rows = [row for slug in ("phuong-dong-hai", "dac-khu-hon-da-bac")
            for row in json.loads(read(output, f"{slug}/van-ban/van-ban.json"))]
    assert len({row["loai_van_ban"] for row in rows}) >= 5 and len({row["tinh_trang_hieu_luc"] for row in rows}) >= 4
    profile = load_profile("nd224-2026")
    assert profile.category("thu-vien-anh").record_type == "album"


def test_no_published_demo_picture_carries_gps(demo_build):
    """The demo's phone photo (stored sideways, with GPS) is published upright and stripped."""
    from test_images import assert_no_metadata

    _, output = demo_build
    album = output / "phuong-dong-hai/thu-vien-anh/2026-10-dien-tap-phong-thu-dan-su"
    source = ROOT / "communes/phuong-dong-hai/thu-vien-anh/2026-10-dien-tap-phong-thu-dan-su/cuu-ho-tren-kenh.jpg"
    assert b"Exif" in source.read_bytes()[:200]  # the source does carry it
    published = sorted(p for p in album.glob("cuu-ho-tren-kenh*") if p.is_file())
    assert len(published) >= 5
    for path in published:
        assert_no_metadata(path.read_bytes())
    from PIL import Image

    with Image.open(album / "cuu-ho-tren-kenh.jpg") as image:
        assert image.height > image.width  # upright: the orientation was applied, not dropped
    everywhere = [p for p in walk(output, "*") if p.suffix in (".jpg", ".jpeg", ".webp", ".png") and p.is_file()]
    assert everywhere and all(b"Exif\x00\x00" not in p.read_bytes() for p in everywhere)
