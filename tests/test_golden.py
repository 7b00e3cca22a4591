"""The built HTML of one small commune equals the committed golden copy (``python3 -m invoke golden`` rewrites it
after an intended change)."""

import difflib

from golden import committed, golden_site


def test_a_small_communes_site_is_what_was_committed(tmp_path):
    built, expected = golden_site(tmp_path), committed()
    assert expected, "tests/golden/ is empty: python3 -m invoke golden"
    assert sorted(built) == sorted(expected)
    for rel in sorted(built):
        if built[rel] != expected[rel]:
            diff = "".join(difflib.unified_diff(expected[rel].splitlines(True), built[rel].splitlines(True),
                                                f"golden/{rel}", f"built/{rel}", n=2))
            raise AssertionError(f"{rel} differs (python3 -m invoke golden after an intended change):\n{diff[:4000]}")
