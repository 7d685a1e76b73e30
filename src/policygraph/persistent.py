"""The persistent store: the built graphs kept in an on-disk Oxigraph store and a text index.

The Turtle files stay the portable, committed form of the graphs; next to them,
`build` writes STORE_DIR (git-ignored):

    graphs/store/oxigraph/     every graph in the default graph, opened read-only
    graphs/store/index.sqlite  department names and indicator wordings (`text_index`), and
                               the answers of the questions without parameters, or with
                               only a `# Kept:` one (`answers`)
    graphs/store/READY         written last, with the store's format; the store is current
                               when it has this format and is newer than every Turtle
                               file and subfolder

Opening a current store costs a few milliseconds whatever the corpus size, where
reading the Turtle costs seconds at thousands of plans. A store that is missing or
older than the Turtle is rebuilt once, into a temporary folder that then replaces
it, so a reader never sees half a store; where the graphs folder cannot be written
the graphs are loaded into memory instead. This module imports neither rdflib nor
spaCy: a question on a current store needs only pyoxigraph and sqlite3.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

STORE_DIR = "store"
OXIGRAPH_DIR = "oxigraph"
INDEX_FILE = "index.sqlite"
READY_FILE = "READY"
STORE_FORMAT = "policygraph store 9"
"""What READY says: a store written by a version with another layout is rewritten."""


@dataclass(frozen=True)
class OpenStore:
    """A store ready for questions, its text index (None: no index, the queries scan), and
    the on-disk location of the store (None: in memory)."""

    store: ox.Store
    index: sqlite3.Connection | None
    location: Path | None


def store_dir(graphs: Path) -> Path:
    """Where the persistent store of a graphs folder lives."""
    return graphs / STORE_DIR


def is_current(graphs: Path) -> bool:
    """Whether the graphs folder has a store of this STORE_FORMAT, newer than every Turtle
    file and subfolder in it (a subfolder's time changes when a file is added to it or removed)."""
    ready = store_dir(graphs) / READY_FILE
    try:
        written = ready.stat().st_mtime_ns
        if ready.read_text(encoding="utf-8") != STORE_FORMAT:
            return False
    except (OSError, UnicodeDecodeError):
        return False
    return _newest_turtle(graphs, 0) < written


def _newest_turtle(folder: Path, newest: int) -> int:
    """The latest modification time of the Turtle files and subfolders of `folder` (the
    store's own folder and hidden folders excluded: the store is swapped in through them)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == STORE_DIR or entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                newest = _newest_turtle(Path(entry.path), max(newest, entry.stat().st_mtime_ns))
            elif entry.name.endswith(".ttl"):
                newest = max(newest, entry.stat().st_mtime_ns)
    return newest


def refresh_store(graphs: Path) -> Path:
    """(Re)write the persistent store of a graphs folder from its Turtle files, unless it is
    current; the store's folder. Raises `InputError` for an unreadable graph, `OSError` when
    the folder cannot be written."""
    location = store_dir(graphs)
    if is_current(graphs):
        return location
    from policygraph.answers import fill_answers
    from policygraph.store import load_store, write_store
    from policygraph.text_index import fill_index

    memory = load_store(graphs)
    fresh = Path(tempfile.mkdtemp(dir=graphs, prefix=f".{STORE_DIR}-"))
    try:
        write_store(memory, fresh / OXIGRAPH_DIR)
        disk = ox.Store(str(fresh / OXIGRAPH_DIR))
        disk.optimize()  # compacted: reads touch fewer files (2× faster joins)
        del disk
        index = sqlite3.connect(fresh / INDEX_FILE)
        try:
            # no rollback journal, no syncs: a write that fails leaves a temporary folder that
            # is removed, never a store that replaces the current one
            index.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            fill_index(memory, index)
            fill_answers(memory, index)
        finally:
            index.close()
        (fresh / READY_FILE).write_text(STORE_FORMAT, encoding="utf-8")
        old = Path(tempfile.mkdtemp(dir=graphs, prefix=f".{STORE_DIR}-old-"))
        if location.exists():
            os.replace(location, old / STORE_DIR)
        os.replace(fresh, location)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return location


def open_store(graphs: Path) -> OpenStore:
    """The graphs of a folder ready for questions: its persistent store, read-only (written
    first when missing or stale); in memory for a single .ttl file or a folder that cannot be
    written."""
    if graphs.is_dir():
        try:
            location = refresh_store(graphs)
            store = ox.Store.read_only(str(location / OXIGRAPH_DIR))
            index = sqlite3.connect(f"file:{location / INDEX_FILE}?mode=ro", uri=True)
        except (OSError, sqlite3.Error):  # a folder that cannot be written, a damaged store
            pass
        else:
            return OpenStore(store, index, location / OXIGRAPH_DIR)
    return in_memory(graphs)


def in_memory(graphs: Path) -> OpenStore:
    """The graphs of a folder or file loaded into memory, with an in-memory text index."""
    from policygraph.store import load_store
    from policygraph.text_index import fill_index

    store = load_store(graphs)
    index = sqlite3.connect(":memory:")
    fill_index(store, index)
    return OpenStore(store, index, None)
