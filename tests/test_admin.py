"""The officer's editor (Decap CMS at admin/): its configuration from the profile, its page (escaped, its own
Content-Security-Policy, one copy of Decap per origin), and in Chromium with Decap's test-repo backend: the
Vietnamese locale complete, a news item and a document created, the validation messages in Vietnamese, a plain
message on a phone."""

import re
import shutil

import pytest
import yaml
from browser import serve
from fixtures import DONG_HAI, TAN_THANH, communes
from helpers import read, scratch_province, write_tree
from trangxa.runs import build
from trangxa.law.loading import load_profile
from trangxa_admin.admin import page, policy
from trangxa_admin.config import menu_order, pick_list

REPOSITORY = "kho_noi_dung:\n  nen_tang: github\n  dia_chi: https://github.com/tinh/noi-dung\n  nhanh: main\n"
# phrases that are the same in both languages: placeholders only, or a name
SAME_IN_BOTH = {"collection.collectionTop.newButton", "editor.editorWidgets.markdown.markdown",
                "ui.toast.onFailToAuth", "workflow.workflowCard.lastChangeNoAuthor"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def admin_province(tmp_path, mode="thu-muc"):
    options = scratch_province(tmp_path, communes(TAN_THANH, DONG_HAI), mode=mode)
    with (tmp_path / "province.yml").open("a", encoding="utf-8") as handle:
        handle.write(REPOSITORY)
    return options


@pytest.fixture(scope="module")
def thu_muc(tmp_path_factory):
    options = admin_province(tmp_path_factory.mktemp("admin"))
    build(options)
    return options.output


def config_of(output, slug="xa-tan-thanh") -> dict:
    return yaml.safe_load(read(output, f"{slug}/admin/config.yml"))


def test_collections_follow_the_menu_with_its_groups():
    profile = load_profile("nd224-2026")
    labels = [label for _, label in menu_order(profile)]
    assert labels[:3] == ["Giới thiệu", "Giới thiệu › Tổ chức bộ máy; chức năng, nhiệm vụ; sơ đồ tổ chức",
                          "Giới thiệu › Lãnh đạo"]
    assert labels.index("Tin tức, sự kiện") < labels.index("Văn bản") < labels.index("Công khai thông tin")
    assert "Khác › Liên kết website" in labels
    editable = [c for c in profile.categories if c.required != "generated"]
    assert sorted(c.slug for c, _ in menu_order(profile)) == sorted(c.slug for c in editable)


def test_fields_default_dates_require_files_and_name_documents_by_number(thu_muc):
    collections = {c["name"]: c for c in config_of(thu_muc)["collections"]}
    news = {f["name"]: f for f in collections["tin-tuc"]["fields"]}
    assert news["ngay_dang"]["default"] == "{{now}}" and news["ngay_dang"]["widget"] == "datetime"
    documents = collections["van-ban"]
    fields = {f["name"]: f for f in documents["fields"]}
    assert fields["tep"]["widget"] == "file" and fields["tep"]["required"] is True
    assert fields["tep"]["media_library"] == {"config": {"multiple": True}}
    assert documents["slug"] == "{{fields.so_ky_hieu}}-{{fields.ngay_ban_hanh | date('YYYY')}}"
    shape, says = fields["so_ky_hieu"]["pattern"]
    for number in ("15/QĐ-UBND", "186/TTr-UBND", "15/2026/NQ-HĐND", "168a/QĐ-UBND", "232/UBND-KGVX", "05-NQ/ĐU"):
        assert re.match(shape, number), number
    for not_a_number in ("151 QĐ-UBND", "QĐ-UBND", "151"):
        assert not re.match(shape, not_a_number), not_a_number
    assert says.startswith("Viết như trên văn bản theo Nghị định 30/2020/NĐ-CP")
    assert collections["tin-tuc"]["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"
    assert documents["preview_path"] == "xa-tan-thanh/van-ban/{{slug}}/"


def test_pick_lists_come_from_the_profile_and_the_commune(thu_muc):
    fields = {f["name"]: f for c in config_of(thu_muc)["collections"] if c["name"] == "van-ban" for f in c["fields"]}
    issuer = fields["co_quan_ban_hanh"]
    assert issuer["widget"] == "select" and issuer["default"] == "Ủy ban nhân dân xã Tân Thành"
    assert "Hội đồng nhân dân xã Tân Thành" in issuer["options"]
    area = fields["linh_vuc"]
    assert area["widget"] == "select" and "Phòng, chống thiên tai" in area["options"] and "default" not in area
    profile = load_profile("nd224-2026")
    spec = profile.record_types["van-ban"].field("linh_vuc")

    class Commune:
        name = "Phường Đông Hải"

    options = pick_list(spec, Commune(), {"Nuôi trồng thủy sản", "Đất đai"})
    assert options[-1] == "Nuôi trồng thủy sản" and options.count("Đất đai") == 1  # the commune's own, once


def test_the_admin_page_escapes_every_value_and_has_its_own_policy():
    html = page('Xã "Mới" & <Đông>', "https://github.com/t/k/tree/main/communes/x?a=1&b=2", "decap-cms.js",
                policy({"name": "github"}, {"url": "https://github.com/t/k"}))
    assert "<Đông>" not in html and "Xã &quot;Mới&quot; &amp; &lt;Đông&gt;" in html
    assert "?a=1&amp;b=2" in html
    csp = policy({"name": "gitlab"}, {"url": "https://gitlab.tinh.gov.vn/so/noi-dung"})
    assert "connect-src 'self' https://gitlab.tinh.gov.vn" in csp and "default-src 'none'" in csp
    assert "script-src 'self' 'unsafe-eval'" in csp and "https://api.github.com" not in csp


def test_a_commune_name_with_markup_is_escaped_in_the_built_page(tmp_path):
    options = admin_province(tmp_path)
    yml = options.communes_dir / "xa-tan-thanh/commune.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("ten: Xã Tân Thành", "ten: Xã Tân & <Thành>"),
                   encoding="utf-8")
    build(options)
    html = read(options.output, "xa-tan-thanh/admin/index.html")
    assert "Xã Tân &amp; &lt;Thành&gt;" in html and "<Thành>" not in html


def test_decap_ships_once_per_province_when_communes_share_its_origin(thu_muc):
    assert (thu_muc / "decap-cms/decap-cms.js").is_file(), "run npm ci first"
    assert not (thu_muc / "xa-tan-thanh/admin/decap-cms.js").exists()
    assert '<script src="../../decap-cms/decap-cms.js"></script>' in read(thu_muc, "xa-tan-thanh/admin/index.html")


def test_each_commune_carries_decap_at_its_own_domain(tmp_path):
    options = admin_province(tmp_path, mode="ten-mien")
    build(options)
    assert (options.output / "xa-tan-thanh/admin/decap-cms.js").is_file()
    assert not (options.output / "decap-cms").exists()
    assert '<script src="decap-cms.js"></script>' in read(options.output, "xa-tan-thanh/admin/index.html")


@pytest.fixture(scope="module")
def test_repo_site(thu_muc, tmp_path_factory):
    """The built commune and the province's Decap copy, with Decap's in-memory test-repo backend."""
    site = tmp_path_factory.mktemp("admin-site")
    for folder in ("xa-tan-thanh", "decap-cms"):
        shutil.copytree((thu_muc / folder).resolve(), site / folder, symlinks=False)
    config = config_of(site)
    config["backend"] = {"name": "test-repo"}
    write_tree(site, {"xa-tan-thanh/admin/config.yml": yaml.safe_dump(config, allow_unicode=True, sort_keys=False)})
    with serve(site) as base:
        yield base + "xa-tan-thanh/admin/"


def open_admin(browser, url, viewport=DESKTOP):
    page = browser.new_page(viewport=viewport)
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.goto(url)
    return page


def login(page, url):
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Tin tức, sự kiện", exact=True).wait_for()


def choose(page, field_id, text):
    page.click(f"#{field_id}")
    page.get_by_text(text, exact=True).last.click()


def unpublished(page) -> list[str]:
    return page.evaluate("Object.keys(window.repoFilesUnpublished || {})")


def test_every_phrase_of_the_editor_is_in_vietnamese(browser, test_repo_site):
    page = open_admin(browser, test_repo_site)
    login(page, test_repo_site)
    missing = page.evaluate("""() => {
        const walk = (en, vi, path) => Object.keys(en).flatMap(key => typeof en[key] === 'object'
            ? walk(en[key], (vi || {})[key], path + key + '.')
            : (vi && typeof vi[key] === 'string' && vi[key] !== en[key] ? [] : [path + key]));
        return walk(CMS.getLocale('en'), CMS.getLocale('vi'), '');
    }""")
    assert set(missing) == SAME_IN_BOTH  # every other phrase exists in Vietnamese, and differs from the English
    assert page.evaluate("window.__csp") == []
    page.close()


def test_a_news_item_is_created_dated_today(browser, test_repo_site):
    page = open_admin(browser, test_repo_site)
    login(page, test_repo_site)
    page.goto(test_repo_site + "#/collections/tin-tuc/new")
    page.fill("#tieu_de-field-1", "Ra quân dọn kênh")
    assert page.input_value("#ngay_dang-field-2")  # today, without touching it
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_function("Object.keys(window.repoFilesUnpublished || {}).length > 0")
    assert [key for key in unpublished(page) if key.startswith("tin-tuc/")] and \
        any(key.endswith("-ra-quan-don-kenh") for key in unpublished(page))
    assert page.evaluate("window.__csp") == []
    page.close()


def test_a_document_says_what_is_missing_in_vietnamese_then_is_named_by_its_number(browser, test_repo_site, tmp_path):
    page = open_admin(browser, test_repo_site)
    login(page, test_repo_site)
    page.goto(test_repo_site + "#/collections/van-ban/new")
    page.get_by_role("button", name="Lưu").click()
    errors = page.get_by_text("bắt buộc nhập")
    errors.first.wait_for()
    shown = set(errors.evaluate_all("nodes => nodes.map(node => node.textContent)"))  # as written, not as styled
    assert {"Số, ký hiệu bắt buộc nhập.", "Tệp đính kèm bắt buộc nhập.", "Trích yếu bắt buộc nhập."} <= shown
    page.fill("#so_ky_hieu-field-1", "151 QĐ-UBND")  # no "/": not a number as the profile writes one
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Viết như trên văn bản theo Nghị định 30/2020/NĐ-CP").first.wait_for()  # the profile's form, in Vietnamese
    page.fill("#so_ky_hieu-field-1", "")
    page.fill("#so_ky_hieu-field-1", "151/QĐ-UBND")
    choose(page, "loai_van_ban-field-2", "Quyết định")
    page.fill("#nguoi_ky-field-4", "Nguyễn Văn An")
    page.fill("#ngay_ban_hanh-field-6", "2026-11-17")
    choose(page, "tinh_trang_hieu_luc-field-9", "Còn hiệu lực")
    page.fill("#trich_yeu-field-10", "Về việc phòng, chống thiên tai")
    choose(page, "linh_vuc-field-11", "Phòng, chống thiên tai")
    page.get_by_role("button", name="Chọn tệp").click()
    pdf = tmp_path / "151-qd-ubnd-2026.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.set_input_files("input[type=file]", str(pdf))
    page.get_by_text("Lấy những cái đã chọn").click()
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_function("Object.keys(window.repoFilesUnpublished || {}).length > 0")
    assert "van-ban/151-qd-ubnd-2026" in unpublished(page)
    assert page.evaluate("window.__csp") == []
    page.close()


def test_on_a_phone_the_page_says_it_needs_a_computer(browser, test_repo_site):
    page = open_admin(browser, test_repo_site, PHONE)
    notice = page.get_by_text("Trình soạn thảo nội dung cần màn hình máy tính")
    assert notice.is_visible()
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator("a", has_text="thư mục của Xã Tân Thành").get_attribute("href") == \
        "https://github.com/tinh/noi-dung/tree/main/communes/xa-tan-thanh"
    page.close()
    desktop = open_admin(browser, test_repo_site)
    assert desktop.get_by_text("Trình soạn thảo nội dung cần màn hình máy tính").is_hidden()
    desktop.close()
