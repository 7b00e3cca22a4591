"""Typed configuration: province.yml, the profile and bo_sung, and commune.yml checked against declared schemas —
every error at once, with file and line, in Vietnamese; never a traceback, never a silent default."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from fixtures import DONG_HAI, TAN_THANH, communes
from helpers import ROOT, scratch_province
from trangxa.config.province import load_province
from trangxa.config.reference import reference
from trangxa.law.loading import load_profile
from trangxa.law.profile import ProfileError
from trangxa.runs import build, check

PROVINCE = """\
    ten: Tỉnh Thử Nghiệm
    cong_thong_tin: https://thunghiem.gov.vn
    dia_chi_web: https://xa.thunghiem.gov.vn
"""


def errors_of(tmp_path, text: str) -> list[str]:
    path = tmp_path / "province.yml"
    path.write_text(textwrap.dedent(PROVINCE) + textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_province(path)
    return [str(error) for error in raised.value.errors]


def test_every_error_of_province_yml_is_reported_at_once_with_its_line(tmp_path):
    found = errors_of(tmp_path, """\
        che_do_ur: thu-muc
        du_lieu_mau: chắc vậy
        xuat_ban:
          khi_co_loi: dang-luon
    """)
    assert found == [
        'province.yml, dòng 4: Khóa "che_do_ur" không có trong cấu hình (có phải "che_do_url"?).',
        'province.yml, dòng 5: "du_lieu_mau" phải là true hoặc false, không phải "chắc vậy".',
        'province.yml, dòng 7: "xuat_ban.khi_co_loi" phải là một trong: giu-ban-cu, dang-kem-canh-bao, '
        'không phải "dang-luon".',
    ]


def test_missing_keys_and_wrong_addresses_are_errors_not_defaults(tmp_path):
    path = tmp_path / "province.yml"
    path.write_text("ten: Tỉnh X\ncong_thong_tin: http://x.gov.vn\n", encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_province(path)
    text = str(raised.value)
    assert 'dòng 2: "cong_thong_tin" phải là một địa chỉ bắt đầu bằng https://' in text
    assert 'Thiếu khóa bắt buộc "dia_chi_web"' in text


def test_a_misspelt_rule_in_bo_sung_and_a_wrong_value_are_located_in_province_yml(tmp_path):
    found = errors_of(tmp_path, """\
        bo_sung:
          categories:
            - slug: tin-tuc
              rules: {quota_per_mont: 4}
            - slug: van-ban
              rules:
                max_age_days: ba muoi
    """)
    assert found == [
        'province.yml, dòng 7: Khóa "bo_sung.categories.0.rules.quota_per_mont" không có trong cấu hình '
        '(có phải "quota_per_month"?).',
        'province.yml, dòng 10: "bo_sung.categories.1.rules.max_age_days" phải là một số nguyên, không phải '
        '"ba muoi".',
    ]


def test_a_rule_naming_a_field_its_record_type_lacks_is_refused():
    overlay = {"categories": [{"slug": "tin-tuc", "rules": {"review": {"days": "30", "field": "ngay_sua"}}}]}
    with pytest.raises(ProfileError, match="review.field: 'ngay_sua' không phải là một trường của mẫu 'bai-viet'"):
        load_profile("nd224-2026", overlay)


def test_a_profile_file_error_names_the_profile_file_and_line(tmp_path):
    (tmp_path / "p.yml").write_text("id: p\nname: P\nrecord_types:\n  trang:\n    titel_field: x\n", encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_profile("p", profiles_dir=tmp_path)
    assert str(raised.value.errors[0]) == ('profiles/p.yml, dòng 5: Khóa "record_types.trang.titel_field" không có '
                                           'trong cấu hình (có phải "title_field"?).')


def test_the_cli_exits_2_with_the_list_and_no_traceback(tmp_path):
    options = scratch_province(tmp_path, communes(TAN_THANH))
    (tmp_path / "province.yml").write_text(textwrap.dedent(PROVINCE) + "che_do_ur: x\nbo_sung: {home: {newz: 1}}\n",
                                           encoding="utf-8")
    for command in ("check", "build"):
        done = subprocess.run([sys.executable, "-m", "trangxa", command, "--communes-dir", str(options.communes_dir)],
                              capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT / "plugins")})
        assert done.returncode == 2, done.stderr
        assert "che_do_ur" in done.stderr and "bo_sung.home.newz" in done.stderr and "Traceback" not in done.stderr


def test_an_error_in_one_commune_yml_stops_that_commune_only(tmp_path):
    files = communes(TAN_THANH, DONG_HAI)
    files["xa-tan-thanh/commune.yml"] = files["xa-tan-thanh/commune.yml"].replace(
        "xatanthanh.minhhai.gov.vn", "xa tân thành.gov.vn")
    options = scratch_province(tmp_path, files)
    result = build(options)
    assert result.failed == ["xa-tan-thanh"]
    bad = [(f.file, f.line, f.rule) for f in result.findings if f.commune == "xa-tan-thanh"]
    assert bad == [("xa-tan-thanh/commune.yml", 4, "bad-host")]
    assert (options.output / "phuong-dong-hai" / "index.html").is_file()
    assert [f.rule for c in check(options) if c.slug == "xa-tan-thanh" for f in c.findings] == ["bad-host"]


def test_the_domain_may_carry_the_units_type_or_not(tmp_path):
    files = communes(TAN_THANH, DONG_HAI)
    files["xa-tan-thanh/commune.yml"] = files["xa-tan-thanh/commune.yml"].replace("xatanthanh.", "tanthanh.")
    files["phuong-dong-hai/commune.yml"] = files["phuong-dong-hai/commune.yml"].replace("phuongdonghai.", "donghai2.")
    found = {c.slug: [f for f in c.findings if f.rule == "domain-pattern"] for c in check(scratch_province(tmp_path, files))}
    assert found["xa-tan-thanh"] == []
    [wrong] = found["phuong-dong-hai"]
    assert wrong.basis == "NĐ 224/2026 Điều 11.4.c"
    assert "phuongdonghai.minhhai.gov.vn hoặc donghai.minhhai.gov.vn" in wrong.fix


def test_the_configuration_reference_is_written_from_the_schemas():
    committed = (ROOT / "docs" / "cau-hinh.md").read_text(encoding="utf-8")
    assert committed == reference(load_profile("nd224-2026")), "chạy: python3 -m invoke cau-hinh"
    assert "`che_do_url`" in committed and "`rules.quota_per_month`" in committed


def test_the_demo_province_is_valid():
    province = load_province(ROOT / "province.yml")
    assert province.url_mode == "thu-muc" and province.repository["platform"] == "github"
