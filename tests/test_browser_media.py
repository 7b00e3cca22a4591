"""In headless Chromium, as a reader would: the registry's filters combine where script runs, YouTube loads only
on click, the photo library works without script."""

import json
import urllib.request

from browser import offline

PHONE = {"width": 390, "height": 844}


def test_registry_filters_combine_over_every_document(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    refused = offline(page, demo_site)
    page.goto(demo_site + "phuong-dong-hai/van-ban/")
    page.click(".filters-js summary")  # on a phone the filters fold under one line, so nothing moves when they work
    rows = json.load(urllib.request.urlopen(demo_site + "phuong-dong-hai/van-ban/van-ban.json"))
    page.select_option("#loc-loai_van_ban", "Quyết định")
    page.select_option("#loc-ngay_ban_hanh", "2026")
    expected = sorted(r["so_ky_hieu"] for r in rows
                      if r["loai_van_ban"] == "Quyết định" and r["ngay_ban_hanh"].startswith("2026"))
    shown = sorted(text.split(":")[0] for text in page.locator(".js-results a").all_inner_texts())
    assert shown == expected and len(expected) >= 4
    assert page.locator(".table-wrap").is_hidden()
    assert page.locator("[role=status]").inner_text() == f"{len(expected)} kết quả"
    page.fill("#loc-tu-khoa", "quy che lam viec")  # typed without diacritics
    shown = page.locator(".js-results a").all_inner_texts()
    assert shown == ["112/QĐ-UBND: Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường Đông Hải nhiệm kỳ "
                     "2026–2031"]
    page.fill("#loc-tu-khoa", "")
    page.select_option("#loc-loai_van_ban", "")
    page.select_option("#loc-ngay_ban_hanh", "")
    assert page.locator(".table-wrap").is_visible()  # back to the server's table
    assert refused == []
    page.close()


def test_a_filter_page_starts_with_its_value_chosen(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + "phuong-dong-hai/van-ban/loc/loai-van-ban/quyet-dinh/")
    assert page.locator("#loc-loai_van_ban").input_value() == "Quyết định"
    assert page.locator(".table-wrap").is_visible()
    page.close()


def test_youtube_is_loaded_only_when_the_reader_clicks(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    refused = offline(page, demo_site)
    page.goto(demo_site + "phuong-dong-hai/video/2026-11-huong-dan-vneid/", wait_until="networkidle")
    assert refused == [] and page.locator("iframe").count() == 0
    page.click(".video-play")
    frame = page.locator(".video-facade iframe")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/Mh2026VneID?autoplay=1"
    page.wait_for_timeout(300)
    assert refused and all(url.startswith("https://www.youtube-nocookie.com/") for url in refused)
    page.close()


def test_the_photo_library_works_without_script(browser, demo_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(demo_site + "phuong-dong-hai/thu-vien-anh/")
    page.click("text=Diễn tập phòng thủ dân sự năm 2026")
    page.click(".photo-grid a >> nth=0")
    assert "Ảnh 1/3" in page.inner_text(".photo-full figcaption")
    page.click("text=Ảnh sau")
    assert "Ảnh 2/3" in page.inner_text(".photo-full figcaption")
    image = page.locator(".photo-full img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert image.evaluate("img => img.currentSrc.endsWith('.webp')")  # Chromium takes the WebP rendition
    context.close()


def test_every_picture_reserves_its_space(browser, demo_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + "phuong-dong-hai/", wait_until="networkidle")
    sizes = page.locator("img").evaluate_all("imgs => imgs.map(i => [i.getAttribute('width'), i.getAttribute('height')])")
    assert sizes and all(w and h for w, h in sizes)
    page.close()
