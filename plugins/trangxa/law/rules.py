"""The parameters of the compliance rules, as a schema: what a category's ``rules:`` in a profile (or in a
province's ``bo_sung``) may say. A rule names the fields it reads — no rule module knows a field by name — and
the profile loader checks that every field named exists in the category's record type.

Each key documents itself; ``docs/cau-hinh.md`` is written from these (``invoke cau-hinh``).
"""

from __future__ import annotations

from trangxa.schema import Key


def _field(doc: str, default: str | None = None) -> Key:
    return Key("text", doc, required=default is None, default=default, field_ref=True)


def _days(doc: str, minimum: int = 0) -> Key:
    return Key("int", doc, required=True, minimum=minimum)


def _section(doc: str, **keys: Key) -> Key:
    return Key("section", doc, keys=keys)


RULES: dict[str, Key] = {
    "min_items": Key("int", "missing-category: số mục tối thiểu chuyên mục bắt buộc phải có (mặc định 1).", minimum=1,
                     example="2"),
    "presence_from": _section(
        "missing-category: với đơn vị mới thành lập, chuyên mục chỉ bắt buộc từ ngày 31/12 của năm thứ N sau năm "
        "thành lập (ngay_thanh_lap trong commune.yml), cộng thêm số ngày làm việc — ví dụ quyết toán ngân sách năm đầu "
        "tiên: Hội đồng nhân dân cấp tỉnh phê chuẩn quyết toán trước 31/12 năm sau (Luật Ngân sách nhà nước 2015 "
        "Điều 69.5), công khai trong 5 ngày làm việc.",
        years=Key("int", "số năm sau năm thành lập", required=True, minimum=0),
        working_days=Key("int", "số ngày làm việc cộng thêm", default=0, minimum=0)),
    "deadline": _section(
        "late-publication: hạn đăng tính bằng ngày làm việc từ một ngày của mục đến ngày đăng "
        "(văn bản: 5 ngày từ ngày ban hành, Luật Tiếp cận thông tin Điều 18.4; công khai: 5 ngày từ ngày quyết định, "
        "Luật Thực hiện dân chủ ở cơ sở Điều 12.3).",
        **{"from": _field("trường ngày bắt đầu tính (ví dụ ngay_ban_hanh)"), "to": _field("trường ngày đăng"),
           "working_days": _days("số ngày làm việc tối đa")}),
    "answer_within": _section(
        "unanswered, late-answer: câu hỏi được trả lời, hoặc được thông báo tình trạng xử lý, trong hạn (ngày làm "
        "việc) kể từ ngày hỏi.",
        **{"from": _field("trường ngày hỏi"), "to": _field("trường ngày trả lời"),
           "status": Key("text", "trường ngày thông báo tình trạng xử lý", field_ref=True),
           "working_days": _days("số ngày làm việc tối đa")}),
    "publish_before": _section(
        "late-notice: thông báo đăng trước sự việc ít nhất N ngày làm việc (lịch tiếp công dân 5, tạm ngừng trang 7); "
        "thông báo nêu nhiều buổi thì tính từ buổi đầu tiên.",
        field=_field("trường ngày diễn ra"), published=_field("trường ngày đăng"),
        dates=Key("text", "trường danh sách các ngày (thông báo nhiều buổi)", field_ref=True),
        working_days=_days("số ngày làm việc tối thiểu")),
    "chairman_weekly": _section(
        "reception-week-missing: Chủ tịch tiếp công dân ít nhất một ngày mỗi tuần — mọi tuần từ đầu quý (hoặc từ "
        "ngày thành lập) đến tuần sau; tuần không có ngày làm việc (Tết) không phải tiếp; buổi chuyển sang ngày làm "
        "việc kế tiếp theo thông báo được tính cho tuần của ngày được thay.",
        chair=Key("text", "chức vụ người chủ trì (so khớp phần đầu, không phân biệt dấu)", default="Chủ tịch"),
        date=_field("trường ngày tiếp"), chair_field=_field("trường chức vụ người chủ trì"),
        dates=Key("text", "trường danh sách các ngày tiếp (thông báo nhiều buổi)", field_ref=True),
        moved=Key("text", "trường ngày được thay (buổi tiếp chuyển từ ngày nghỉ)", field_ref=True)),
    "quarter_report": _section(
        "budget-report-missing, budget-report-late: báo cáo tình hình thực hiện ngân sách từng quý đăng trong N ngày "
        "sau khi hết quý (Thông tư 26/2026/TT-BTC).",
        days=_days("số ngày sau khi hết quý"), period=_field("trường kỳ báo cáo (Quý III/2026 …)"),
        posted=_field("trường ngày đăng")),
    "result_after_close": _section(
        "consultation-result-missing, consultation-result-late: đợt lấy ý kiến đã kết thúc phải đăng tổng hợp ý kiến "
        "và giải trình trong N ngày làm việc sau ngày kết thúc (Luật Thực hiện dân chủ ở cơ sở Điều 11.11, Điều "
        "12.3).", closes=_field("trường ngày kết thúc"), result=_field("trường tổng hợp ý kiến"),
        result_file=Key("text", "trường tệp tổng hợp ý kiến", field_ref=True),
        posted=Key("text", "trường ngày đăng tổng hợp ý kiến", field_ref=True),
        working_days=Key("int", "số ngày làm việc sau ngày kết thúc", default=5, minimum=0)),
    "review": _section("stale-page: trang được rà soát trong N ngày.", days=_days("số ngày", 1),
                       field=_field("trường ngày rà soát")),
    "max_age_days": Key("int", "stale-category: chuyên mục có nội dung mới trong N ngày.", minimum=1, example="60"),
    "current_week": _section("schedule-not-current: có lịch của tuần hiện tại.",
                             **{"from": _field("trường ngày bắt đầu"), "to": _field("trường ngày kết thúc")}),
    "term_ended_not_current": _section(
        "leader-post-vacant, leader-still-current: lãnh đạo đương nhiệm và lãnh đạo qua các thời kỳ. Người giữ chức "
        "là người cũ khi đã qua ngày thôi giữ chức, khi chức vụ ghi \"Nguyên …\" hoặc khi trường đương nhiệm ghi "
        "\"Không\"; chức vụ không còn ai đương nhiệm là chức vụ khuyết trên trang; chức vụ chỉ một người giữ mà có "
        "hai người đương nhiệm thì người nhận chức trước vẫn bị hiện như đang giữ chức.",
        post=Key("list", "các trường xác định một chức vụ (cơ quan, chức vụ)", required=True,
                 item=_field("trường")),
        holder=_field("trường họ tên"), end=_field("trường ngày thôi giữ chức"),
        start=Key("text", "trường ngày bắt đầu giữ chức", field_ref=True),
        current=Key("text", "trường đương nhiệm (Có/Không)", field_ref=True),
        vacant=Key("text", "trường ghi chức vụ đang khuyết, chưa có người thay (Có/Không)", field_ref=True),
        former=Key("list", "các từ đầu chức vụ chỉ người đã thôi giữ chức", item=Key("text", "từ"),
                   example="[Nguyên]"),
        single=Key("list", "các chức vụ chỉ một người giữ tại một thời điểm (so khớp phần đầu, không phân biệt dấu)",
                   item=Key("text", "chức vụ"), example="[Chủ tịch, Bí thư]"),
        abbreviations=Key("map", "chữ viết tắt trong tên chức vụ và tên đầy đủ", item=Key("text", "tên đầy đủ"),
                          example="{UBND: Ủy ban nhân dân}")),
    "quota_per_month": Key("int", "news-quota: số tin tối thiểu mỗi tháng (0: không kiểm tra).", minimum=0,
                           example="4"),
    "replaced_status": _section(
        "replaced-still-in-force: văn bản đã bị thay thế không được ghi còn hiệu lực.",
        by=_field("trường nêu văn bản bị thay thế"), field=_field("trường tình trạng hiệu lực"),
        in_force=Key("list", "các giá trị nghĩa là còn hiệu lực", required=True, item=Key("text", "giá trị"))),
    "not_arising": Key("bool", "not-declared: chuyên mục chỉ phải công khai khi có; nếu không có nội dung nào thì "
                        "cần thông báo \"không phát sinh\" cho quý gần nhất đã kết thúc (cảnh báo khi thiếu cả hai).",
                        example="true"),
    "minimise_personal_data": Key("bool", "personal-phone: danh sách chỉ nêu thông tin cần thiết (không số điện "
                                  "thoại cá nhân).", example="true"),
}
