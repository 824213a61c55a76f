"""What `govgraph load` does: parse and check everything first, then write once.

Nothing reaches the store until every input has been parsed, resolved and
cited, and the write itself is all-or-nothing, so bad input never leaves the
stored graph half-changed.
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..graph.model import GraphBatch, RowChunk
from ..graph.plan import WriteSummary
from ..graph.store import GraphStore, ReplaceCheck
from .divisions import Divisions, divisions_graph, read_bundled
from .documents import notice_to_graph
from .notice import Notice, NoticeError, parse_notice, read_notice
from .registry import KnownPlaces, RegistryError, keep_posted_cases, read_registry, registry_graph
from .registry_stream import CHUNK_ROWS, LoadIds, RegistryStream
from .structure import structure_graph
from .units import UnitRegistry, load_registry

DEFAULT_DOC_ID = "anshun-2021-property-16"
DEFAULT_NOTICE = "anshun_2021_property_services.txt"


@dataclass
class LoadPlan:
    batch: GraphBatch
    notices: list[Notice] = field(default_factory=list)
    unresolved: list[dict] = field(default_factory=list)
    # Parts of documents that look like attributions and were not read; only
    # ever non-empty when the load was asked to keep what it could read.
    unread: list[dict] = field(default_factory=list)
    # The places and bodies the plan's registries could refer to, and where each
    # body sits (what a streamed load's registries are checked against).
    known: KnownPlaces | None = None


def default_notice() -> Notice:
    text = resources.files("govgraph.loaders").joinpath(f"data/{DEFAULT_NOTICE}").read_text("utf-8")
    return parse_notice(text, source=f"govgraph:{DEFAULT_NOTICE}", doc_id=DEFAULT_DOC_ID)


def plan_load(documents: list[Path] | None = None, *, include_default: bool = True,
              registry: UnitRegistry | None = None, registries: list[Path] | None = None,
              divisions: list[Divisions] | None = None,
              progress: Callable[[str], None] | None = None, partial: bool = False) -> LoadPlan:
    """Parse, resolve, validate and cite every input; raise on the first bad one.

    The unit registry and the jurisdiction's real divisions (the bundled Anshun
    slice) are always loaded; ``divisions`` adds regions read with
    ``divisions.read_divisions``. A document with parts that look like
    attributions but could not be read is refused, naming each part, unless
    ``partial`` asks to keep what was read."""
    with _collector_paused():
        return _plan_load(documents, include_default, registry, registries, divisions, progress, partial)


def check_fully_read(notice: Notice) -> None:
    """Refuse a document read only in part: never half-load it silently."""
    if not notice.unread:
        return
    parts = "; ".join(f"line {u.line}, column {u.column}: {u.text} ({u.reason})" for u in notice.unread[:5])
    more = f" and {len(notice.unread) - 5} more" if len(notice.unread) > 5 else ""
    raise NoticeError(f"{notice.source}: {len(notice.unread)} part(s) look like attributions but could not "
                      f"be read: {parts}{more}. Load with --partial (API: \"partial\": true) to keep only "
                      f"the {len(notice.measures)} measures that were read")


def _plan_load(documents: list[Path] | None, include_default: bool,
               registry: UnitRegistry | None, registries: list[Path] | None,
               divisions: list[Divisions] | None,
               progress: Callable[[str], None] | None, partial: bool = False) -> LoadPlan:
    registry = registry or load_registry()
    batch = registry.graph()
    plan = LoadPlan(batch=batch)
    known = KnownPlaces()
    known.add_levels(batch)  # where the unit registry's bodies sit, for case steps
    for div in [read_bundled(), *(divisions or [])]:
        places = divisions_graph(div, registry)
        known.add(places)
        batch.extend(places)
    counties = {a.name for a in registry.areas if a.props.get("level") == "county"}
    names: dict[str, Path] = {}
    for directory in registries or []:
        _refuse_a_second_name(names, directory)
        names[Path(directory).name] = Path(directory)
        reg = read_registry(directory, progress=progress, counties=counties, known=known)
        reg_batch = registry_graph(reg, registry, source=Path(directory).name, known=known)
        known.add_levels(reg_batch)  # a later directory's cases may refer to these compounds
        batch.extend(reg_batch)
    notices: list[Notice] = []
    if include_default:
        seed = default_notice()
        notices.append(seed)
        batch.extend(structure_graph(seed, registry))
    notices.extend(read_notice(p) for p in documents or [])
    for n in notices:
        if partial:
            plan.unread.extend({"doc": n.id, **u.model_dump()} for u in n.unread)
        else:
            check_fully_read(n)
    for n in notices:
        facts = notice_to_graph(n, registry)
        batch.extend(facts.batch)
        plan.unresolved.extend({"doc": n.id, **u} for u in facts.unresolved)
    plan.notices = notices
    plan.known = known
    try:
        batch.check()
    except ValueError as e:
        if not include_default and str(e).startswith("ABOUT edge"):
            _check_issue_types_present(batch)  # the same refusal, saying why and the way out
        raise
    return plan


@dataclass
class StreamedLoad:
    """A load whose registries are read as they are written (``GraphStore.write_stream``).

    ``head`` is everything but the registries' rows, planned and checked whole
    (the unit registry, the real divisions, the documents: small); ``chunks()``
    gives it, then each registry's rows in bounded chunks, each row checked as it
    is read, so what the load holds does not grow with the registries' rows.
    ``chunks()`` may be called again: it reads the files again from the start."""

    head: LoadPlan
    registries: list[Path]
    units: UnitRegistry
    known: KnownPlaces
    counties: set[str]
    chunk_rows: int = CHUNK_ROWS
    progress: Callable[[str], None] | None = None
    _readings: int = 0
    _lines: int | None = None

    def chunks(self) -> Iterator[RowChunk]:
        from .structure import issue_type_keys

        with _collector_paused():
            known = copy.deepcopy(self.known)  # each reading learns the registries afresh
            head = self.head.batch
            last: dict[str, Any] = {}
            for n in head.nodes:
                last[n.id] = n
            # (the registries' lines bound the ids they can give: the id arrays' size)
            ids = LoadIds(head={i: (n.kind, n.props) for i, n in last.items()}, expect=self.lines())
            keys = issue_type_keys()
            issue_nodes = all(f"issue:{k}" in last for k in keys)
            yield RowChunk.of(head)
            progress = self.progress if not self._readings else None  # the files are named once
            self._readings += 1
            for directory in self.registries:
                stream = RegistryStream(directory, self.units, known, ids, counties=self.counties,
                                        issue_keys=keys, issue_nodes=issue_nodes,
                                        chunk_rows=self.chunk_rows, progress=progress)
                yield from stream.chunks()

    def size(self) -> int:
        """About how many nodes and edges the load writes (for progress): the head's,
        and two per registry row."""
        return len(self.head.batch.nodes) + len(self.head.batch.edges) + 2 * self.lines()

    def lines(self) -> int:
        """The lines of the registries' files (counted once)."""
        if self._lines is None:
            lines = 0
            for directory in self.registries:
                for path in Path(directory).glob("*.*"):
                    if path.suffix in (".csv", ".json"):
                        with path.open("rb") as fh:
                            while buf := fh.read(1 << 20):
                                lines += buf.count(b"\n")
            self._lines = lines
        return self._lines


def plan_stream(documents: list[Path] | None = None, *, include_default: bool = True,
                registry: UnitRegistry | None = None, registries: list[Path] | None = None,
                divisions: list[Divisions] | None = None,
                progress: Callable[[str], None] | None = None, partial: bool = False,
                chunk_rows: int = CHUNK_ROWS) -> StreamedLoad:
    """``plan_load`` for a load whose registries are streamed: everything but the
    registries' rows is planned and checked here (raising as ``plan_load`` does);
    the registries' directories and names are checked, their rows when the load
    is written (``execute_stream``)."""
    with _collector_paused():
        registry = registry or load_registry()
        names: dict[str, Path] = {}
        unique: list[Path] = []
        for directory in registries or []:
            name = _refuse_a_second_name(names, directory)
            if name not in names:
                unique.append(Path(directory))  # the same directory twice is read once
            names[name] = Path(directory)
        head = _plan_load(documents, include_default, registry, [], divisions, progress, partial)
        known = head.known or KnownPlaces()
        counties = {a.name for a in registry.areas if a.props.get("level") == "county"}
        load = StreamedLoad(head=head, registries=unique, units=registry, known=known,
                            counties=counties, chunk_rows=chunk_rows, progress=progress)
        for directory in unique:
            RegistryStream(directory, registry, known, LoadIds(head={}), counties=counties,
                           issue_keys={}, issue_nodes=False).files()
        return load


def execute_stream(store: GraphStore, load: StreamedLoad, *, replace: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   drop_posted_cases: bool = False) -> WriteSummary:
    """Write a streamed load: all-or-nothing as ``execute`` (see ``GraphStore.write_stream``);
    ``replace`` empties the store as part of it, and is refused (``PostedCasesHeld``,
    before anything is read or written) when the store holds cases posted through
    Open311, unless ``drop_posted_cases``."""
    with _collector_paused():
        return store.write_stream(load.chunks, replace=replace, progress=progress,
                                  total=load.size() if progress else 0,
                                  check=replace_check(drop_posted_cases))


def replace_check(drop_posted_cases: bool) -> ReplaceCheck | None:
    """What a replacing load checks before it empties the store: that it deletes no
    case posted through Open311 (``keep_posted_cases``), unless told to."""
    return None if drop_posted_cases else keep_posted_cases


def replace_store(store: GraphStore, *, drop_posted_cases: bool = False) -> None:
    """Empty the store for a whole-plan load with ``replace``: refused, with nothing
    removed, when it holds cases posted through Open311, unless ``drop_posted_cases``
    (the check and the emptying hold the engine's load lock)."""
    store.clear(replace_check(drop_posted_cases))


def _check_issue_types_present(batch: GraphBatch) -> None:
    """Cases point at issue types, which come with the bundled notice (its clauses
    give them their duties): without it, say so instead of a dangling edge."""
    have = {n.id for n in batch.nodes}
    missing = sorted({e.dst for e in batch.edges if e.dst.startswith("issue:") and e.dst not in have})
    if missing:
        raise ValueError(f"cases name issue types ({', '.join(m[6:] for m in missing[:5])}) that come with "
                         "the bundled notice, which --no-default leaves out: load without --no-default")


def execute(store: GraphStore, plan: LoadPlan,
            progress: Callable[[int, int], None] | None = None) -> WriteSummary:
    with _collector_paused():
        return store.write_all(plan.batch, progress=progress)


@contextmanager
def _collector_paused():
    """Planning makes millions of objects, and so does writing (a row per node and
    edge), and every full pass of the garbage collector walks all of them, a large
    share of the time of each (docs/performance.md). Neither makes reference cycles
    worth collecting on the way, so the collector waits until they are over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _refuse_a_second_name(names: dict[str, Path], directory: str | Path) -> str:
    """The registry's name (its directory's); refused when another registry of this
    load has it. Facts cite their registry by that name (``registry``): two of one
    name in one load could not be told apart, nor their shared ids refused."""
    name = Path(directory).name
    if name in names and Path(directory).resolve() != names[name].resolve():
        raise RegistryError(str(directory), None, None,
                            f"another registry of this load, {names[name]}, has the same name "
                            f"{name!r}; facts cite their registry by its directory's name, so "
                            "rename one")
    return name
