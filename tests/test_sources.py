import unicodedata
from pathlib import Path

import pytest

from trangxa.law.findings import ProblemError
from trangxa.read.sources import load_mapping, read_text, split_front_matter


def problem_of(text: str, first_line: int = 1):
    with pytest.raises(ProblemError) as caught:
        load_mapping(text, first_line)
    return caught.value.problem


def test_every_scalar_stays_a_string():
    data = load_mapping("gio: 7:30\nco_hieu_luc: no\nso: 015\nngay: 2026-11-17\n").data
    assert data == {"gio": "7:30", "co_hieu_luc": "no", "so": "015", "ngay": "2026-11-17"}


def test_lines_of_keys_count_from_the_first_line():
    mapping = load_mapping("tieu_de: A\n\nngay_dang: 17/11/2026\n", first_line=2)
    assert mapping.lines == {"tieu_de": 2, "ngay_dang": 4}


@pytest.mark.parametrize(
    "text, rule, line, column",
    [
        ("tieu_de: A\ntieu_de: B\n", "yaml-duplicate-key", 2, 1),
        ("tieu_de: A\n\tngay: 1\n", "yaml-tab", 2, 1),
        ("tieu_de: A\nngay: [1, 2\nx: 1\n", "yaml-syntax", 3, 2),
        ("- a\n- b\n", "yaml-not-mapping", 1, None),
    ],
)
def test_bad_yaml_is_a_located_problem(text, rule, line, column):
    problem = problem_of(text)
    assert (problem.rule, problem.line, problem.column) == (rule, line, column)


def test_front_matter_split_and_lines():
    front = split_front_matter("---\ntieu_de: A\n---\nThân bài\n")
    assert (front.header, front.header_line, front.body, front.body_line) == ("tieu_de: A", 2, "Thân bài\n", 4)


@pytest.mark.parametrize("text, rule", [("Chỉ có thân bài\n", "front-matter-missing"),
                                        ("---\ntieu_de: A\nThân bài\n", "front-matter-unclosed")])
def test_front_matter_problems(text, rule):
    with pytest.raises(ProblemError) as caught:
        split_front_matter(text)
    assert caught.value.problem.rule == rule


def test_bom_crlf_and_nfd_are_normalised(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\r\ntieu_de: Thu\u0309y\r\n---\r\n".encode("utf-8"))
    assert read_text(path) == "---\ntieu_de: Thủy\n---\n"


def test_legacy_encoding_is_a_problem_with_its_line(tmp_path: Path):
    path = tmp_path / "a.yml"
    legacy = unicodedata.normalize("NFD", "ngay: Thủy\n").encode("cp1258")  # Windows-1258: base letter + tone
    path.write_bytes("tieu_de: A\n".encode() + legacy)
    with pytest.raises(ProblemError) as caught:
        read_text(path)
    assert (caught.value.problem.rule, caught.value.problem.line) == ("encoding", 2)
