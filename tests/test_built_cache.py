"""What the core builds once and keeps on disk (``core/built.py``): read back equal, never stale,
and a cache that cannot be used costs only the build."""

import os
import pickle

import pytest

from defcoop_dagster.core import built as B
from defcoop_dagster.core.gazetteers.countries import index


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "defcoop"


def counted(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_back(cache):
    build, calls = counted({"слово": ("AZE",)})
    assert B.built("words", build) == {"слово": ("AZE",)}
    assert B.built("words", build) == {"слово": ("AZE",)}
    assert len(calls) == 1
    (written,) = cache.glob("words-*.pickle")
    assert B._key() in written.name  # named for this extractor version, Python and dictionaries


def test_another_version_reads_another_file(cache, monkeypatch):
    build, calls = counted([1, 2])
    B.built("words", build)
    monkeypatch.setattr(B, "_key", lambda: "another-version")
    assert B.built("words", build) == [1, 2]
    assert len(calls) == 2
    assert len(list(cache.glob("words-*.pickle"))) == 2


def test_a_damaged_file_is_built_again_and_replaced(cache):
    build, calls = counted("built")
    B.built("words", build)
    (path,) = cache.glob("words-*.pickle")
    path.write_bytes(b"not a pickle")
    assert B.built("words", build) == "built"
    assert len(calls) == 2
    assert pickle.loads(path.read_bytes()) == "built"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_cache_that_cannot_be_written_costs_only_the_build(cache):
    cache.mkdir()
    cache.chmod(0o500)
    try:
        build, calls = counted("built")
        assert B.built("words", build) == "built"
        assert B.built("words", build) == "built"
        assert len(calls) == 2 and not list(cache.iterdir())
    finally:
        cache.chmod(0o700)


def test_a_cache_folder_that_is_a_file_costs_only_the_build(cache):
    cache.write_text("a file where the folder would be")
    build, calls = counted("built")
    assert B.built("words", build) == "built"
    assert B.built("words", build) == "built"
    assert len(calls) == 2


def test_the_gazetteer_read_back_is_the_one_built(cache):
    index.gazetteer.cache_clear()
    try:
        first = index.gazetteer()  # built and written
        index.gazetteer.cache_clear()
        again = index.gazetteer()  # read
        assert list(cache.glob("countries-*.pickle"))
        assert again is not first and again == first == index._build()
    finally:
        index.gazetteer.cache_clear()
