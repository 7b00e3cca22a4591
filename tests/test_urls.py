"""Each commune site works at the root of its own domain and under a sub-path of the provincial site."""

from dataclasses import replace

import pytest

from fixtures import DONG_HAI, TAN_THANH, communes
from helpers import Site, broken_links, read, scratch_province
from trangxa.runs import build


def two_communes():
    return communes(TAN_THANH, DONG_HAI)


@pytest.mark.parametrize("relative", [True, False])
def test_sub_path_mode(tmp_path, relative):
    options = replace(scratch_province(tmp_path, two_communes(), mode="thu-muc"), relative_urls=relative)
    build(options)
    out = options.output
    news = read(out, "xa-tan-thanh/tin-tuc/ra-quan/index.html")
    if not relative:
        assert 'href="https://xa.thunghiem.gov.vn/xa-tan-thanh/theme/css/site.css"' in news
        assert 'href="https://xa.thunghiem.gov.vn/xa-tan-thanh/van-ban/"' in news
        assert '<a href="https://xa.thunghiem.gov.vn/">Tỉnh Thử Nghiệm</a>' in news
        assert '<a href="https://xa.thunghiem.gov.vn/phuong-dong-hai/">' in read(out, "index.html")
    assert 'href="../../van-ban/112-qd-ubnd/"' in news  # body links stay relative: right in both modes
    bases = {"https://xa.thunghiem.gov.vn/": out}
    assert broken_links(Site(out, bases)) == []
    feed = read(out, "xa-tan-thanh/feeds/atom.xml")
    assert "https://xa.thunghiem.gov.vn/xa-tan-thanh/tin-tuc/ra-quan/" in feed
    assert "<loc>https://xa.thunghiem.gov.vn/xa-tan-thanh/van-ban/</loc>" in read(out, "xa-tan-thanh/sitemap.xml")


@pytest.mark.parametrize("relative", [True, False])
def test_own_domain_mode(tmp_path, relative):
    options = replace(scratch_province(tmp_path, two_communes(), mode="ten-mien"), relative_urls=relative)
    build(options)
    out = options.output
    news = read(out, "xa-tan-thanh/tin-tuc/ra-quan/index.html")
    assert '<link rel="canonical" href="https://xatanthanh.minhhai.gov.vn/tin-tuc/ra-quan/">' in news
    if not relative:
        assert 'href="https://xatanthanh.minhhai.gov.vn/theme/css/site.css"' in news
        assert '<a href="https://phuongdonghai.minhhai.gov.vn/">Phường Đông Hải</a>' in read(out, "index.html")
    bases = {"https://xatanthanh.minhhai.gov.vn/": out / "xa-tan-thanh",
             "https://phuongdonghai.minhhai.gov.vn/": out / "phuong-dong-hai",
             "https://xa.thunghiem.gov.vn/": out}
    assert broken_links(Site(out, bases)) == []
    assert "https://xatanthanh.minhhai.gov.vn/tin-tuc/ra-quan/" in read(out, "xa-tan-thanh/feeds/atom.xml")
