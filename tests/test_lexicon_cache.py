"""The lexicon kept between processes (lexicon_data.load_lexicon): the same lexicon as the
data files give, taken from the cache when it holds it, read afresh when the cache is
damaged or the data changed."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph import lexicon_data
from policygraph.lexicon import Lexicon
from policygraph.resources import resource_dir


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon_data.load_lexicon.cache_clear()
    yield tmp_path / "policygraph"
    lexicon_data.load_lexicon.cache_clear()


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("lexicon-*.pickle"))


def _fresh_process() -> None:
    lexicon_data.load_lexicon.cache_clear()


def test_the_cached_lexicon_is_the_one_the_files_give(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = lexicon_data.load_lexicon()
    assert first == lexicon_data.read_lexicon()
    assert len(_cached(cache_home)) == 1
    _fresh_process()

    def unreadable() -> Lexicon:
        raise AssertionError("the files were read although the cache holds the lexicon")

    monkeypatch.setattr(lexicon_data, "read_lexicon", unreadable)
    again = lexicon_data.load_lexicon()
    assert again == first and again is not first
    assert again.regions["万州区"] == first.regions["万州区"]


def test_a_damaged_cache_is_read_afresh_and_rewritten(cache_home: Path) -> None:
    expected = lexicon_data.load_lexicon()
    (cached,) = _cached(cache_home)
    cached.write_bytes(b"\x80\x05 not a pickle")
    _fresh_process()
    assert lexicon_data.load_lexicon() == expected
    _fresh_process()
    assert cached.read_bytes() != b"\x80\x05 not a pickle"


def test_changed_data_is_never_taken_from_an_older_cache(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon_data.load_lexicon()
    data = tmp_path / "data"
    shutil.copytree(resource_dir("data"), data)
    with (data / "department_bodies.csv").open("a", encoding="utf-8") as stream:
        stream.write("\n试验总局,a test bureau\n")
    folders = {"data": data, "ontology": resource_dir("ontology")}
    monkeypatch.setattr(lexicon_data, "resource_dir", folders.__getitem__)
    _fresh_process()
    changed = lexicon_data.load_lexicon()
    assert "试验总局" in changed.department_bodies
    assert len(_cached(cache_home)) == 2


def test_an_unwritable_cache_is_skipped(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True, exist_ok=True)
    cache_home.write_text("a file where the cache folder would be", encoding="utf-8")
    assert lexicon_data.load_lexicon() == lexicon_data.read_lexicon()


def test_without_a_home_folder_the_files_are_read(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert lexicon_data.load_lexicon() == lexicon_data.read_lexicon()


def _planted(cache_home: Path) -> Path:
    """A cache file whose lexicon the files would never give: loading it is running it."""
    expected = lexicon_data.load_lexicon()
    (cached,) = _cached(cache_home)
    planted = lexicon_data.read_lexicon()
    planted.regions["植入"] = "region/planted"
    cached.write_bytes(pickle.dumps(planted))
    _fresh_process()
    assert expected.regions.get("植入") is None
    return cached


def test_a_cache_file_others_may_write_is_refused(cache_home: Path) -> None:
    cached = _planted(cache_home)
    cached.chmod(0o666)
    assert "植入" not in lexicon_data.load_lexicon().regions
    assert not cached.stat().st_mode & 0o022


def test_a_cache_folder_others_may_write_is_refused(cache_home: Path) -> None:
    _planted(cache_home)
    cache_home.chmod(0o777)
    assert "植入" not in lexicon_data.load_lexicon().regions


def test_a_cache_file_of_another_user_is_refused(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _planted(cache_home)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_home).st_uid + 1)
    assert "植入" not in lexicon_data.load_lexicon().regions


def test_the_cache_folder_is_private(cache_home: Path) -> None:
    lexicon_data.load_lexicon()
    assert cache_home.stat().st_mode & 0o077 == 0


def test_the_vocabulary_context_is_kept_beside_the_lexicon(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate's concept triples come from the cache in a later process, equal to the
    ontology's own triples of each concept."""
    from policygraph import validate

    validate.vocabulary_index.cache_clear()
    read = validate.vocabulary_index()
    assert len(list(cache_home.glob("vocabulary-*.pickle"))) == 1
    validate.vocabulary_index.cache_clear()

    def unreadable() -> dict[str, str]:
        raise AssertionError("the ontology was parsed although the cache holds the context")

    monkeypatch.setattr(validate, "_read_vocabulary_index", unreadable)
    try:
        assert validate.vocabulary_index() == read
    finally:
        validate.vocabulary_index.cache_clear()
    iri = "https://w3id.org/policygraph/id/region/万州区"
    own = [
        t
        for name in validate.VOCABULARY_CONTEXT
        for t in lexicon_data.ontology_triples(name)
        if t.subject.value == iri
    ]
    assert own and list(ox.parse(read[iri], format=ox.RdfFormat.N_TRIPLES)) == own
