"""Orchestration: plan files in, one Turtle graph per plan out.

read → normalize → nlp (outline, metadata, citations, measures, targets)
→ graph → store. A bad file is reported and skipped; the good ones are
still written, each atomically.

Plans are independent, so a corpus is built in parallel across processes
(`jobs`, all cores by default). Each worker loads the pipeline and lexicon
once, builds and writes its plans, and sends back only the `Plan` record and
a triple count; every file depends on its plan alone, so the bytes written do
not depend on the number of jobs.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from policygraph.context import INDEX_FILE, index_row, index_tsv, updated_index
from policygraph.errors import InputError, NotAPlanError, PolicygraphError
from policygraph.extract.enactment import states_enactment
from policygraph.graph import Triple, plan_triples, registry_graph, triples_graph
from policygraph.lexicon_data import load_lexicon
from policygraph.lifeline import die_with_parent
from policygraph.model import Plan
from policygraph.nlp import make_nlp, plan_from_text
from policygraph.normalize import normalize_text
from policygraph.read import PLAN_SUFFIXES, read_plan
from policygraph.registry import REGISTRY_FILE
from policygraph.resources import resource_dir
from policygraph.store import (
    PLANS_DIR,
    VOCABULARY_FILE,
    canonical_turtle,
    graph_to_turtle,
    write_atomic,
)

SCHEDULER_TIMEOUT = 20.0
"""Seconds to keep trying to reach a Dask scheduler (it refuses or is not there yet)."""
VOCABULARY_SOURCES = ("policygraph.ttl", "indicators.ttl", "functions.ttl", "regions.ttl")


@dataclass(frozen=True)
class BuiltPlan:
    path: Path
    plan: Plan
    triples: frozenset[Triple]

    @cached_property
    def graph(self) -> Graph:
        """The plan's graph in rdflib (made when asked: the build writes `triples` as they are)."""
        return triples_graph(self.triples)


@dataclass(frozen=True)
class BuiltFile:
    """A plan built into its graph file: the record and the graph's size."""

    path: Path
    plan: Plan
    triples: int
    written: Path | None


@dataclass
class BuildReport:
    """What a build wrote and what it refused, file by file."""

    built: list[BuiltFile] = field(default_factory=list)
    failed: list[PolicygraphError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def extract_plan(path: Path) -> Plan:
    """The `Plan` record of one plan file; `NotAPlanError` when it is no policy text at all.

    A fragment, a page that starts mid-document, a draft or a 解读 is built with what it
    has: what it lacks (a title, tasks, targets) is for `validate` to report.
    """
    source = read_plan(path)
    metadata = {key: normalize_text(value).text for key, value in source.metadata}
    text = normalize_text(source.text)
    plan = plan_from_text(source.name, text, metadata)
    if not has_policy_signal(plan, text.text):
        raise NotAPlanError(
            path,
            "not a policy text: no title, no 发文字号, no citation, no target, no task"
            " and no enacting formula (a news item or another page?)",
        )
    return plan


def has_policy_signal(plan: Plan, text: str) -> bool:
    """Whether the text states anything a policy document states: a title, its own
    number, a cited policy, a target, a task (numbered, or a duty assigned in prose:
    由国家药监局、国家卫生健康委等分工负责) or the enacting formula of a notice or an
    opinion (现将有关事项通知如下, 现提出如下意见: `states_enactment`)."""
    return bool(
        plan.title
        or plan.doc_number
        or plan.citations
        or plan.targets
        or plan.measures
        or plan.assignments
        or states_enactment(text)
    )


def build_file(path: Path) -> BuiltPlan:
    """One plan file as a `Plan` record and its RDF graph; any failure is a `PolicygraphError`
    naming the file (an unexpected one too: validate and build report it in one line)."""
    try:
        plan = extract_plan(path)
        return BuiltPlan(path, plan, plan_triples(plan, load_lexicon()))
    except PolicygraphError:
        raise
    except Exception as error:  # a bug or a resource limit met by this file's text alone
        raise unexpected_failure(path, error) from error


def unexpected_failure(path: Path, error: Exception) -> InputError:
    """An error no reader or extractor foresaw, as the file's one-line error."""
    detail = " ".join(str(error).split())[:200]
    return InputError(
        path, f"not built: {type(error).__name__}" + (f": {detail}" if detail else "")
    )


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named, folders expanded to their plan files, sorted; `InputError` when
    two share a stem (they would share plans/<stem>.ttl and the plan IRI)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in PLAN_SUFFIXES))
        else:
            files.append(path)
    by_stem: dict[str, Path] = {}
    for file in files:
        if by_stem.setdefault(file.stem, file) != file:
            raise InputError(file, f"same name as {by_stem[file.stem]}: rename one of the two")
    return files


def vocabulary_turtle() -> bytes:
    """The shared vocabularies (ontology and SKOS schemes) as one Turtle file: the
    source files joined as they are, so their comments and blank nodes stay stable."""
    ontology = resource_dir("ontology")
    parts = [
        f"# ontology/{name}\n".encode() + (ontology / name).read_bytes()
        for name in VOCABULARY_SOURCES
    ]
    return b"\n".join(parts)


def build_corpus(
    paths: Iterable[Path], out: Path, jobs: int | None = None, scheduler: str | None = None
) -> BuildReport:
    """Build every plan file into `out/plans/<name>.ttl`, plus `out/vocabularies.ttl`,
    `out/registry.ttl` (the known parent policies the plans' lineage runs through) and
    `out/documents.tsv` (the plans by number and title, for `validate --context`), with
    `jobs` processes (default: one per core), or on the Dask distributed scheduler at
    `scheduler` (tcp://host:8786; its workers must see the files and `out`); then the
    persistent store `out/store/` the questions read (`persistent`), unless it is newer
    than every graph."""
    from policygraph.persistent import refresh_store  # the store: a corpus build only

    report = BuildReport()
    files = plan_files(paths)
    if not files:
        report.failed.append(InputError(", ".join(str(p) for p in paths), "no plan files found"))
        return report
    outcomes: Iterable[BuiltFile | PolicygraphError]
    if scheduler:
        outcomes = _build_on_cluster(files, out / PLANS_DIR, scheduler)
    else:
        outcomes = _build_all(files, out / PLANS_DIR, jobs or os.cpu_count() or 1)
    for outcome in outcomes:
        if isinstance(outcome, PolicygraphError):
            report.failed.append(outcome)
            continue
        report.built.append(outcome)
        if outcome.written is not None:
            report.written.append(outcome.written)
    vocabulary = out / VOCABULARY_FILE
    if write_atomic(vocabulary, vocabulary_turtle()):
        report.written.append(vocabulary)
    registry = out / REGISTRY_FILE
    if write_atomic(registry, graph_to_turtle(registry_graph())):
        report.written.append(registry)
    rows = {row.plan: row for row in (index_row(b.plan, b.path.stem) for b in report.built)}
    index = out / INDEX_FILE
    with _locked(out):  # another build into `out` may be merging its rows at the same time
        if write_atomic(index, index_tsv(updated_index(out, rows))):
            report.written.append(index)
        refresh_store(out)
    return report


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file is left)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _build_all(
    files: list[Path], folder: Path, jobs: int
) -> Iterable[BuiltFile | PolicygraphError]:
    """Outcomes in the order of `files`, built here or by a pool of `jobs` workers."""
    tasks = [(path, folder) for path in files]
    if jobs <= 1 or len(files) <= 1:
        _warm_up()
        return [_build_and_write(task) for task in tasks]
    # the pool (multiprocessing, ~3 ms to import) only where there is more than one file:
    # `validate draft.txt` builds its one file here
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, len(files))
    outcomes: list[BuiltFile | PolicygraphError] = []
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        # chunks amortise inter-process traffic; several per worker keep the load even
        chunks = max(1, len(files) // (workers * 8))
        try:
            outcomes.extend(pool.map(_build_and_write, tasks, chunksize=chunks))
        except BrokenProcessPool:  # a worker killed from outside (the OOM killer, a signal)
            outcomes.extend(
                InputError(path, "not built: a build process was killed (out of memory?)")
                for path in files[len(outcomes) :]
            )
    return outcomes


def _build_on_cluster(
    files: list[Path], folder: Path, scheduler: str
) -> list[BuiltFile | PolicygraphError]:
    """Outcomes in the order of `files`, each file a task on the Dask distributed scheduler at
    `scheduler`; the tasks are those of the local pool, so the bytes are the same."""
    try:
        from distributed import Client
    except ImportError:
        raise PolicygraphError(
            "--scheduler needs Dask's distributed scheduler: pip install 'policygraph[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except (OSError, ValueError) as error:
        raise PolicygraphError(
            f"cannot reach the Dask scheduler at {scheduler} ({error})"
        ) from error
    with client:
        tasks = [(path, folder) for path in files]
        futures = client.map(_build_and_write, tasks, pure=False)
        outcomes: list[BuiltFile | PolicygraphError] = []
        for path, future in zip(files, futures, strict=True):
            try:
                outcomes.append(future.result())
            except Exception as error:  # a worker lost (killed, out of memory): the task failed
                outcomes.append(InputError(path, f"not built: the Dask task failed ({error})"))
        return outcomes


def _start_worker(parent: int) -> None:
    """A build worker ends with the build `parent` that started it, and warms up once."""
    die_with_parent(parent)
    _warm_up()


def _warm_up() -> None:
    """Load the spaCy pipeline, jieba's dictionary and the lexicon once per process."""
    make_nlp().make_doc("预热")
    load_lexicon()


def _build_and_write(task: tuple[Path, Path]) -> BuiltFile | PolicygraphError:
    """One file built and written, or its one error: a failure of one file, expected or not,
    never ends the build of the others."""
    path, folder = task
    try:
        built = build_file(path)
        target = folder / f"{path.stem}.ttl"
        written = write_atomic(target, canonical_turtle(built.triples))
    except PolicygraphError as error:
        return error
    except Exception as error:  # writing: a full disk, a folder made read-only meanwhile
        return unexpected_failure(path, error)
    return BuiltFile(path, built.plan, len(built.triples), target if written else None)
