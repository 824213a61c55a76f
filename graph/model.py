"""The typed schema of the governance graph: node kinds, edge kinds, provenance.

Every node carries the shared label ``Entity`` (which holds the unique ``id``)
beside its kind label, so one constraint guards identity across kinds and an
edge can be written knowing only the ids of its ends.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

ENTITY_LABEL = "Entity"


class NodeKind(StrEnum):
    POLICY_DOCUMENT = "PolicyDocument"
    SECTION = "Section"
    MEASURE = "Measure"
    PARTY_ORGANIZATION = "PartyOrganization"
    DEPARTMENT = "Department"
    COMMITTEE = "Committee"
    COMPANY = "Company"
    RESIDENT = "Resident"
    FACILITY = "Facility"
    AREA = "Area"
    ISSUE_TYPE = "IssueType"
    ESCALATION_LEVEL = "EscalationLevel"
    CASE = "Case"  # a dispute or complaint that happened (registry data: cases)
    CASE_STEP = "CaseStep"  # one step of a case: who took it, what they did, when


# Kinds that can carry duties: the ones analysts call "units" or "actors".
ACTOR_KINDS = frozenset(
    {
        NodeKind.PARTY_ORGANIZATION,
        NodeKind.DEPARTMENT,
        NodeKind.COMMITTEE,
        NodeKind.COMPANY,
        NodeKind.RESIDENT,
    }
)


class RelType(StrEnum):
    # attribution of a measure (unit -> Measure)
    LEADS_MEASURE = "LEADS_MEASURE"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    SUPPORTS_MEASURE = "SUPPORTS_MEASURE"
    # document structure
    PART_OF = "PART_OF"  # Measure -> Section -> PolicyDocument; Area -> Area; org -> org
    # standing structure between actors
    LEADS = "LEADS"  # 领导: political / organisational leadership
    GUIDES = "GUIDES"  # 指导、督导
    SUPERVISES = "SUPERVISES"  # 监督, may annul decisions, evaluates
    HEADS = "HEADS"  # supplies the chair / secretary (role on the edge)
    NOMINATES = "NOMINATES"  # 推荐 the holder of a role
    MEMBER_OF = "MEMBER_OF"  # role, start, end on the edge
    MANAGES = "MANAGES"  # company / service centre -> compound
    LOCATED_IN = "LOCATED_IN"  # org or facility -> Area
    # person -> compound. Kept apart from LOCATED_IN so that finding the bodies of
    # an area never walks past its thousands of residents.
    LIVES_IN = "LIVES_IN"
    INCLUDES = "INCLUDES"  # collective actor -> each member it stands for
    MEDIATES_AT = "MEDIATES_AT"  # body -> EscalationLevel
    ESCALATES_TO = "ESCALATES_TO"  # EscalationLevel -> next EscalationLevel
    HANDLES = "HANDLES"  # actor -> IssueType (stage, action on the edge)
    # what happened (registry data: cases, case_steps)
    OPENED_IN = "OPENED_IN"  # Case -> the compound it arose in
    ABOUT = "ABOUT"  # Case -> IssueType, when the case names a taxonomy key
    HAS_STEP = "HAS_STEP"  # Case -> CaseStep (step on the edge)
    TAKEN_BY = "TAKEN_BY"  # CaseStep -> the body that took it
    HANDLED_BY = "HANDLED_BY"  # Case -> each body that took a step of it


class Provenance(BaseModel):
    """Where a fact comes from: the document, the measure and the words."""

    model_config = ConfigDict(frozen=True)

    doc: str
    measure: int | None = None
    clause: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    basis: str = "text"  # "text": stated by the clause; "curated": a reading of it

    def as_props(self) -> dict[str, Any]:
        # Neo4j properties cannot hold maps, so provenance is flattened.
        return {
            "source_doc": self.doc,
            "source_measure": self.measure,
            "source_clause": self.clause,
            "source_start": self.start,
            "source_end": self.end,
            "source_basis": self.basis,
        }


Scalar = str | int | float | bool | None
PropValue = Scalar | list[str] | list[int] | list[float]


class Node(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1)
    kind: NodeKind
    name: str = Field(min_length=1)
    props: dict[str, PropValue] = Field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return node_row(self.kind, self.id, self.name, self.props)


def node_row(kind: NodeKind, id_: str, name: str, props: dict[str, Any]) -> dict[str, Any]:
    """A node as a write plan carries it (``Node.row``), made without a ``Node``: a
    streamed load makes a million of these, and the model's validation is its cost."""
    return {"id": id_, "props": {"name": name, "kind": str(kind), **props}}


def edge_key(type_: RelType, src: str, dst: str, props: dict[str, Any],
             source: Provenance | None = None) -> str:
    """``Edge.key``: the identity of an edge, which reloads merge onto."""
    # Made for every edge of every load (1M at 1M residents): one string
    # built in place, not a list joined.
    key = f"{type_.value}|{src}|{dst}"
    if props:
        for k in ("role", "stage", "since", "step"):
            if k in props:
                key += f"|{k}={props[k]}"
    if source is not None:
        key += f"|{source.doc}#{source.measure}"
    return key


def edge_row(type_: RelType, src: str, dst: str, props: dict[str, Any]) -> dict[str, Any]:
    """An edge without provenance of a document as a write plan carries it (``Edge.row``)."""
    return {"src": src, "dst": dst, "key": edge_key(type_, src, dst, props), "props": dict(props)}


class Edge(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: RelType
    src: str
    dst: str
    props: dict[str, PropValue] = Field(default_factory=dict)
    source: Provenance | None = None

    @field_validator("props")
    @classmethod
    def _no_reserved_keys(cls, v: dict[str, PropValue]) -> dict[str, PropValue]:
        bad = [k for k in v if k.startswith("source_") or k == "key"]
        if bad:
            raise ValueError(f"edge property names reserved for provenance: {bad}")
        return v

    @property
    def key(self) -> str:
        """Identity of the edge: reloading the same fact merges onto it."""
        return edge_key(self.type, self.src, self.dst, self.props, self.source)

    def row(self) -> dict[str, Any]:
        props: dict[str, Any] = dict(self.props)
        if self.source is not None:
            props.update(self.source.as_props())
        return {"src": self.src, "dst": self.dst, "key": self.key, "props": props}


def origin(props: dict[str, Any]) -> str:
    """Where a node comes from, as its provenance properties say: a registry's
    file and row, or none (the bundled data, divisions and documents)."""
    registry = props.get("registry")
    if registry is None:
        return "not from a registry (the bundled data, divisions or a document)"
    where = str(props.get("registry_file") or "?")
    if props.get("registry_line") is not None:
        where += f", line {props['registry_line']}"
    return f"registry '{registry}' ({where})"


def overlap_message(id_: str, held: tuple[Any, dict[str, Any]], new: tuple[Any, dict[str, Any]],
                    held_where: str, more: list[str] | None = None) -> str:
    """Why a node of a load cannot be written over one with its id: ``held`` and
    ``new`` are each (kind, properties); ``held_where`` says where ``held`` is
    (the stored graph, or earlier in the same load).

    An id names one entity of one source. The same registry loaded again updates
    its rows; an id another registry (or the bundled data) holds, or an entity
    given as another kind, is a conflict: nothing is merged."""
    (held_kind, held_props), (new_kind, new_props) = held, new
    same_source = held_props.get("registry") == new_props.get("registry")
    why = ("its kind cannot change" if same_source
           else "an id names one entity of one registry, and only the same registry "
                "loaded again updates it")
    others = ""
    if more:
        others = (f" {len(more)} more id(s) of this load cannot be merged either, e.g. "
                  f"{', '.join(repr(m) for m in more[:5])}.")
    registry = new_props.get("registry")
    fix = ("load it with --replace to replace the stored graph with this load"
           + (f", or give registry '{registry}' ids of its own (another prefix; "
              "`govgraph synth --id-prefix` for a synthetic city)"
              if registry is not None and not same_source else ""))
    return (f"id {id_!r} is in {held_where} as {held_kind}, {origin(held_props)}; this load gives "
            f"it as {new_kind}, {origin(new_props)}: {why}.{others} Nothing was written; "
            f"{fix}.")


class PersonRecord(BaseModel):
    """What identifies a person, as a registry gives it. Never written to the graph:
    the person's node there carries the opaque ``id`` alone, and these fields go to
    the personal store (``graph/personal.py``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    party_member: bool | None = None
    synthetic: bool = False
    registry: str | None = None
    registry_file: str | None = None
    registry_line: int | None = None


class PersonRow(NamedTuple):
    """A ``PersonRecord`` as the personal store's row (a streamed load makes one a
    resident without building a model): the same fields, flags as 0/1."""

    id: str
    name: str
    party_member: int | None
    synthetic: int
    registry: str | None
    registry_file: str | None
    registry_line: int | None


class GraphBatch(BaseModel):
    """A self-contained set of nodes and edges to write in one all-or-nothing step,
    and the personal records of the persons among its nodes (written apart)."""

    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    persons: list[PersonRecord] = Field(default_factory=list)

    def extend(self, other: GraphBatch) -> None:
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)
        self.persons.extend(other.persons)

    def check(self, known_ids: set[str] | frozenset[str] = frozenset()) -> None:
        """Refuse duplicates and dangling edges before anything reaches a store.

        An id given twice is one entity only when both give it as the same kind
        from the same registry (or both from outside any registry: the bundled
        data and documents); two registries that share an id are refused, naming
        both rows (see ``overlap_message``)."""
        seen: dict[str, Node] = {}
        for n in self.nodes:
            prev = seen.get(n.id)
            if prev is not None and (prev.kind != n.kind
                                     or prev.props.get("registry") != n.props.get("registry")):
                raise ValueError(overlap_message(
                    n.id, (prev.kind, prev.props), (n.kind, n.props),
                    "an earlier part of this load"))
            seen[n.id] = n
        # By construction the graph never holds what identifies a person: their node
        # carries the opaque id, nothing the personal store keeps.
        for p in self.persons:
            node = seen.get(p.id)
            if node is None:
                raise ValueError(f"person {p.id!r} has no node")
            if node.name != p.id or {"party_member", "person_name"} & set(node.props):
                raise ValueError(f"person {p.id!r}: the node carries personal fields")
        ids = set(seen) | set(known_ids)
        for e in self.edges:
            for end in (e.src, e.dst):
                if end not in ids:
                    raise ValueError(f"{e.type} edge {e.src!r} -> {e.dst!r}: no node {end!r}")

    def deduplicated(self) -> GraphBatch:
        nodes = {n.id: n for n in self.nodes}
        edges = {e.key: e for e in self.edges}
        persons = {p.id: p for p in self.persons}
        return GraphBatch(nodes=list(nodes.values()), edges=list(edges.values()),
                          persons=list(persons.values()))


class RowChunk:
    """A part of a streamed load, as write-plan rows: (kind, ``node_row``) and
    (type, ``edge_row``) pairs, and the persons among its nodes. Every edge's ends
    are among its nodes or in earlier chunks. ``merged`` are edges an earlier chunk
    gave too (their key): merged onto, never created."""

    __slots__ = ("nodes", "edges", "merged", "persons")

    def __init__(self) -> None:
        self.nodes: list[tuple[NodeKind, dict[str, Any]]] = []
        self.edges: list[tuple[RelType, dict[str, Any]]] = []
        self.merged: list[tuple[RelType, dict[str, Any]]] = []
        self.persons: list[PersonRecord | PersonRow] = []

    @classmethod
    def of(cls, batch: GraphBatch) -> RowChunk:
        chunk = cls()
        chunk.nodes = [(n.kind, n.row()) for n in batch.nodes]
        chunk.edges = [(e.type, e.row()) for e in batch.edges]
        chunk.persons = list[PersonRecord | PersonRow](batch.persons)
        return chunk

    def __len__(self) -> int:
        return len(self.nodes) + len(self.edges) + len(self.merged)
