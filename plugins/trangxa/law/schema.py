"""The schema of a legal profile file (``profiles/*.yml``), which is also the shape of a province's additions
(``bo_sung`` in province.yml). Every key documents itself; ``docs/cau-hinh.md`` is written from these."""

from __future__ import annotations

from trangxa.law.profile import FIELD_TYPES, NUMBERING_MAPS, REQUIREMENTS
from trangxa.law.rules import RULES
from trangxa.schema import Key


def _text(doc: str, **kwargs) -> Key:
    return Key("text", doc, **kwargs)


REMOVE = Key("bool", "true: bỏ mục này khi gộp (ví dụ một chuyên mục tỉnh không dùng)")

FIELD = {
    "label": _text("nhãn tiếng Việt của trường"),
    "type": Key("choice", "kiểu giá trị", default="text", choices=tuple(sorted(FIELD_TYPES))),
    "required": Key("bool", "bắt buộc hay không", default=False),
    "choices": Key("list", "các giá trị được chọn (kiểu choice)", item=_text("một giá trị")),
    "choices_from": Key("list", "lấy các giá trị được chọn từ các danh mục của hồ sơ (document_types, "
                        "party_document_types)", item=Key("choice", "danh mục", choices=NUMBERING_MAPS)),
    "extra_choices": Key("list", "các giá trị tỉnh thêm vào danh sách sẵn có, không cần chép lại danh sách",
                         item=_text("một giá trị")),
    "aliases": Key("map", "cách viết khác của một giá trị được chọn → giá trị đó (ví dụ \"Dịch vụ công trực tuyến "
                   "toàn trình\": Toàn trình); bản ghi được lưu với giá trị chuẩn", item=_text("giá trị chuẩn")),
    "help": _text("gợi ý cho cán bộ"),
    "pattern": _text("biểu thức chính quy giá trị phải khớp (ví dụ dạng số ký hiệu)"),
    "pattern_hint": _text("cách viết đúng, hiện khi giá trị không khớp pattern"),
    "alt_field": _text("trường chứa mô tả ảnh cho người khiếm thị (thiếu là một cảnh báo)"),
    "refers": _text("danh sách này nêu các bản ghi khác theo trường này (ví dụ so_ky_hieu)"),
    "inverse": _text("nhãn của liên kết ngược, hiện trên bản ghi được nêu"),
    "suggestions": Key("list", "danh sách gợi ý trong trang quản trị ({don_vi}: tên xã)", item=_text("một gợi ý")),
    "remove": REMOVE,
}

RECORD_TYPE = {
    "title_field": _text("trường làm tiêu đề"),
    "date_field": _text("trường ngày của mục (sắp xếp, nguồn tin)"),
    "summary_field": _text("trường tóm tắt"),
    "posted_field": _text("trường ngày đăng lên trang (hoặc ngày rà soát) — chỉ những gì đã đăng đến ngày kiểm tra "
                          "mới được tính"),
    "number_field": _text("trường số, ký hiệu hoặc mã, trong danh mục thông tin phải công khai"),
    "created_field": _text("trường ngày tạo ra thông tin (ban hành, quyết định), trong danh mục đó"),
    "prose": Key("bool", "true: viết bằng Markdown có phần khai báo ở đầu tệp (không phải tệp .yml)", default=False),
    "one_of": Key("list", "các nhóm trường, mỗi nhóm phải có ít nhất một trường",
                  item=Key("list", "một nhóm", item=_text("tên trường"))),
    "folder_file": _text("mỗi thư mục con một bản ghi, trong tệp tên này (album.yml)"),
    "file_name": Key("list", "các trường đặt tên tệp mới trong trang quản trị (trường ngày cho năm): "
                     "151-qd-ubnd-2026", item=_text("tên trường")),
    "fields": Key("map", "các trường, theo tên", item=Key("section", "một trường", keys=FIELD)),
    "remove": REMOVE,
}

LISTING = {
    "sort": _text("trường ngày để sắp xếp (mới nhất trước, và một trang cũ nhất trước)"),
    "filters": Key("list", "các trường có trang lọc theo từng giá trị (trường ngày: theo năm)", item=_text("trường")),
    "data": _text("tên tệp dữ liệu <data>.json và <data>.csv"),
}

CATEGORY = {
    "slug": _text("đường dẫn thư mục (và địa chỉ trang) của chuyên mục", required=True),
    "name": _text("tên chuyên mục", required=True),
    "name_en": _text("tên tiếng Anh"),
    "basis": Key("list", "căn cứ pháp lý", item=_text("một căn cứ")),
    "required": Key("choice", "always (mọi xã), where-exists (khi có), recommended, generated (trang tự tạo)",
                    required=True, choices=tuple(sorted(REQUIREMENTS))),
    "record_type": _text("mẫu của các mục trong chuyên mục", required=True),
    "menu": Key("int", "thứ tự trên thanh chức năng (không có: mục Khác)", minimum=0),
    "menu_label": _text("nhãn ngắn trên thanh chức năng"),
    "description": _text("mô tả, hiện trên trang chuyên mục"),
    "rules": Key("section", "các quy tắc kiểm tra (xem bảng quy tắc)", keys=RULES),
    "listing": Key("section", "hiện như một sổ (bảng có lọc, sắp xếp, dữ liệu JSON/CSV)", keys=LISTING),
    "remove": REMOVE,
}

HOME_BLOCK = {
    "category": _text("chuyên mục", required=True),
    "count": Key("int", "số mục hiện", default=5, minimum=1),
    "until": _text("trường ngày: chỉ hiện khi ngày này chưa qua (lấy ý kiến đang mở, tạm ngừng sắp tới)"),
    "date": _text("trường ngày: chỉ hiện từ hôm nay trở đi, gần nhất trước (lịch tiếp công dân)"),
}

HOME = {
    "news": Key("section", "tin tức mới", keys=HOME_BLOCK),
    "notices": Key("list", "thông báo đang còn hiệu lực", item=Key("section", "một nguồn thông báo", keys=HOME_BLOCK)),
    "documents": Key("section", "văn bản mới", keys=HOME_BLOCK),
    "procedures": Key("section", "thủ tục hành chính", keys=HOME_BLOCK),
    "reception": Key("section", "lịch tiếp công dân sắp tới", keys=HOME_BLOCK),
    "contact": _text("chuyên mục liên hệ"),
    "index_news": Key("int", "số tin của mỗi xã trang chỉ mục của tỉnh có thể hiện", minimum=0),
}

LANGUAGE = {
    "name": _text("tên ngôn ngữ viết bằng chính ngôn ngữ đó", required=True),
    "name_vi": _text("tên tiếng Việt", required=True),
    "locale": _text("locale của Babel để viết ngày", default="vi"),
    "html_lang": _text("thuộc tính lang (BCP 47)", required=True),
    "untranslated": _text("nhãn liên kết về trang chủ ngôn ngữ này từ trang chưa dịch", default=""),
}

COMMUNE_TYPE = {
    "name": _text("tên loại đơn vị", required=True),
    "name_en": _text("tên tiếng Anh", default=""),
    "legacy": Key("bool", "loại cũ (thị trấn), vẫn đọc được", default=False),
}

PROFILE = {
    "id": _text("mã hồ sơ, trùng tên tệp", required=True),
    "extends": _text("kế thừa hồ sơ này, chỉ ghi phần khác"),
    "name": _text("tên hồ sơ (văn bản pháp luật)", required=True),
    "name_en": _text("tên tiếng Anh"),
    "in_force_from": Key("date", "ngày có hiệu lực"),
    "languages": Key("map", "các ngôn ngữ xã có thể đăng ngoài tiếng Việt", item=Key("section", "", keys=LANGUAGE)),
    "commune_types": Key("map", "các loại đơn vị hành chính cấp xã", item=Key("section", "", keys=COMMUNE_TYPE)),
    "record_types": Key("map", "các mẫu bản ghi, theo tên", item=Key("section", "một mẫu", keys=RECORD_TYPE)),
    "categories": Key("list", "các chuyên mục", item=Key("section", "một chuyên mục", keys=CATEGORY)),
    "home": Key("section", "trang chủ của xã: các khối và chuyên mục cấp cho chúng", keys=HOME),
    "not_arising": Key("section", "thông báo \"không phát sinh\" (một nội dung chỉ phải công khai khi có, không "
                       "phát sinh trong một kỳ): mẫu của nó và cách nhận ra nó trong thư mục của chuyên mục", keys={
        "record_type": _text("mẫu của thông báo không phát sinh", required=True),
        "marker": _text("trường chỉ thông báo này có (kỳ không phát sinh)", required=True),
        "words": Key("list", "các từ trong tiêu đề cho biết đây là thông báo không phát sinh (không phân biệt dấu)",
                     item=_text("cụm từ")),
    }),
    "document_types": Key("map", "các loại văn bản hành chính và chữ viết tắt trong số, ký hiệu (Nghị định "
                          "30/2020/NĐ-CP Điều 7, Phụ lục III; \"\" nếu không có, như công văn)", item=_text("chữ viết tắt")),
    "document_copies": Key("map", "các loại bản sao và chữ viết tắt (Phụ lục III: SY, TrS, SL)",
                           item=_text("chữ viết tắt")),
    "party_document_types": Key("map", "các loại văn bản của Đảng và chữ viết tắt (Hướng dẫn 36-HD/VPTW), số "
                                "dạng 05-NQ/ĐU", item=_text("chữ viết tắt")),
}
