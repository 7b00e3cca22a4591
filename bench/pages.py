"""The page types of the demo that the phone and Lighthouse checks look at (bench/lighthouse.py, bench/screens.py):
one of each, by its path below a built output (``invoke build``'s ``output/``)."""

from __future__ import annotations

PAGES: dict[str, str] = {
    "province": "",
    "home": "phuong-dong-hai/",
    "article": "phuong-dong-hai/tin-tuc/2026-11-12-tap-huan-dich-vu-cong-truc-tuyen/",
    "registry": "phuong-dong-hai/van-ban/",
    "document": "phuong-dong-hai/van-ban/165-qd-ubnd-2026/",
    "search": "phuong-dong-hai/tim-kiem/",
    "status": "phuong-dong-hai/tinh-trang-cap-nhat/",
    "dashboard": "tinh-trang/",
}
