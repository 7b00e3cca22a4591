"""The blank templates staff copy (communes/_mau/) match the profile exactly, and read without errors."""

import pytest

from helpers import ROOT
from trangxa.law.loading import load_profile
from trangxa.read.sources import load_mapping, read_text, split_front_matter
from trangxa.scaffold import template_text, write_templates

PROFILE = load_profile("nd224-2026")


@pytest.mark.parametrize("name", sorted(PROFILE.record_types))
def test_template_has_every_field_of_its_record_type(name):
    record_type = PROFILE.record_types[name]
    text = template_text(record_type)
    header = split_front_matter(text).header if text.startswith("---") else text
    assert tuple(load_mapping(header).data) == record_type.keys


def test_committed_templates_are_up_to_date(tmp_path):
    for path in write_templates(PROFILE, tmp_path):
        committed = ROOT / "communes" / "_mau" / path.name
        assert read_text(committed) == read_text(path), f"{committed.name}: chạy lại 'invoke mau'"
