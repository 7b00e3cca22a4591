"""Search indexes kept by the content of their records: the same records are not indexed again (the provincial
index when only news changed, a commune rebuilt on a new day), other records are, and the cache is never written
through the output."""

from __future__ import annotations

from pathlib import Path

from helpers import manifest
from trangxa_search import indexer

PAGE = "<html lang='vi'><body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
A = [("/xa-a/van-ban/1/", PAGE.format(title="Quyết định 1", text="Phòng chống thiên tai")),
     ("/xa-b/van-ban/2/", PAGE.format(title="Quyết định 2", text="Đất đai")), ("/xa-b/tin-tuc/", None)]
B = A[:1] + [("/xa-b/van-ban/2/", PAGE.format(title="Quyết định 2", text="Đất đai, sửa lại"))]


def counting(monkeypatch) -> list[Path]:
    runs: list[Path] = []
    real = indexer._pagefind

    def pagefind(records: Path, target: Path) -> None:
        runs.append(target)
        real(records, target)

    monkeypatch.setattr(indexer, "_pagefind", pagefind)
    return runs


def test_the_same_records_are_copied_from_the_cache_not_indexed_again(tmp_path, monkeypatch):
    runs, cache = counting(monkeypatch), tmp_path / "cache"
    assert indexer._index(tmp_path / "1" / "pagefind", A, cache) == 2
    assert indexer._index(tmp_path / "2" / "pagefind", list(reversed(A)), cache) == 2  # order does not matter
    assert len(runs) == 1
    first, second = manifest(tmp_path / "1" / "pagefind"), manifest(tmp_path / "2" / "pagefind")
    assert first == second and "pagefind.js" in first
    indexer._index(tmp_path / "3" / "pagefind", B, cache)
    assert len(runs) == 2 and manifest(tmp_path / "3" / "pagefind") != first


def test_writing_the_output_leaves_the_cached_index_as_it_was(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    indexer._index(tmp_path / "1" / "pagefind", A, cache)
    (kept,) = (cache / indexer.CACHE).iterdir()
    before = manifest(kept)
    (tmp_path / "1" / "pagefind" / "pagefind.js").write_text("alert(1)", encoding="utf-8")
    indexer._index(tmp_path / "2" / "pagefind", A, cache)
    assert manifest(kept) == before and manifest(tmp_path / "2" / "pagefind") == before


def test_only_the_last_used_indexes_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(indexer, "KEPT", 1)
    cache = tmp_path / "cache"
    indexer._index(tmp_path / "1" / "pagefind", A, cache)
    indexer._index(tmp_path / "2" / "pagefind", B, cache)
    runs = counting(monkeypatch)
    indexer._index(tmp_path / "3" / "pagefind", B, cache)  # the last used: still there
    indexer._index(tmp_path / "4" / "pagefind", A, cache)  # pruned: indexed again
    assert len(list((cache / indexer.CACHE).iterdir())) == 1 and runs == [tmp_path / "4" / "pagefind"]
