"""The analyst's bench: networks of accountability and what their structure says.

Four projections, each built from catalogue reads of only the part of the graph
asked for (some documents, one compound), never from the whole graph:

- the **unit–measure network** (``duty_edges``): units and measures, an edge per
  duty with its role;
- the **co-responsibility network** (``co_responsibility``): units joined by the
  measures they share, the tie weighted by count and role (lead 2, responsible 1,
  support 0.5; a shared measure adds the product of the two weights);
- the **leadership and supervision hierarchy**: of the documents' standing
  structure (``structure_facts``: who leads, guides, supervises, heads or nominates
  whom, among actors and kinds of body), or of a place's own bodies
  (``place_frame`` and ``structure_around``: the facts joined between the concrete
  bodies of each area's frame);
- a **compound's governance network** (``place_frame`` and ``structure_around``,
  each read from the compound's own ids): the compound, the
  bodies of its compound, community, street and county, its managers and the
  departments above them, joined where the notice's standing structure ties
  their kinds of body together.

Measures on them (what each means for accountability is in docs/analytics.md):
degree by role, weighted degree, betweenness and eigenvector centrality,
communities (Louvain, seeded), concentration of the load (Gini, HHI), brokers
(articulation points and bridges), cross-community measures without a lead, and
the difference between two documents' networks. Every answer says what it was
computed from (``Basis``: the documents, the graph generation, the projection).

The measures are plain functions of networkx graphs and rows, so they can be
checked by hand:

>>> rows = [{"a_id": "A", "b_id": "B", "weight": 2.0, "shared": 1, "lead_ties": 1},
...         {"a_id": "B", "b_id": "C", "weight": 1.0, "shared": 1, "lead_ties": 0}]
>>> g = co_responsibility_graph(rows)
>>> sorted(g.degree(weight="weight"))
[('A', 2.0), ('B', 3.0), ('C', 1.0)]
>>> round(betweenness(g)["B"], 3)
1.0
>>> gini([1, 1, 2]), hhi([1, 1, 2])
(0.16666666666666666, 0.375)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from ..graph.store import GraphStore, StoreError
from .answers import InvalidArgument, NotFound, UnitRef
from .flow import Flow, drive, read

__all__ = [
    "ROLE_WEIGHT", "LOUVAIN_SEED", "Basis", "DocumentRef", "Network",
    "UnitDegree", "DegreeAnswer", "UnitCentrality", "CentralityAnswer", "Community",
    "CommunitiesAnswer", "Concentration", "UnitShare", "ConcentrationAnswer", "Broker", "Bridge",
    "BrokersAnswer", "UnledMeasure", "UnledAnswer", "UnitMove", "DiffAnswer", "HierarchyNode",
    "HierarchyAnswer", "PlaceBroker", "PlaceBridge", "PlaceBrokersAnswer", "PlaceFrames",
    "PLACE_LEVELS", "QUESTIONS", "place_hierarchy_graph", "place_flow", "place_brokers_flow",
    "place_brokers",
    "bipartite_graph", "co_responsibility_graph", "hierarchy_graph", "governance_graph",
    "betweenness", "eigenvector", "louvain", "gini", "hhi", "lorenz", "community_map_flow",
    "network_flow", "degree_flow", "centrality_flow", "communities_flow", "concentration_flow",
    "brokers_flow", "unled_flow", "diff_flow", "hierarchy_flow",
    "degree", "centrality", "communities", "concentration", "brokers", "unled", "diff", "hierarchy",
]

ROLE_WEIGHT = {"lead": 2.0, "responsible": 1.0, "support": 0.5}
LOUVAIN_SEED = 7
STRUCTURE_TYPES = ("LEADS", "GUIDES", "SUPERVISES", "HEADS", "NOMINATES")
# A generic body that stands for concrete ones of other types (as in compounds.py).
STANDS_FOR = {"committee:two-committees": ("party:community", "committee:residents")}
COMPANY_TYPES = {"property_company": "company:property", "service_center": "company:service-center",
                 "developer": "company:developer"}
_TYPE_PREFIXES = ("committee:", "party:", "gov:", "company:", "role:")


# ---------------------------------------------------------------------------
# what an answer cites


class DocumentRef(BaseModel):
    doc: str
    title: str | None = None


class Basis(BaseModel):
    """What an analysis was computed from."""

    projection: str = Field(description="co-responsibility | unit-measure | hierarchy | governance")
    documents: list[DocumentRef] = Field(description="the documents whose duties or clauses were read")
    generation: str | None = Field(description="the graph generation read (null: a graph loaded "
                                               "before generations existed)")
    nodes: int = Field(description="nodes in the projection")
    edges: int = Field(description="edges in the projection")
    compound: str | None = None
    place: str | None = Field(default=None, description="the county, street, community or "
                                                        "compound a place-level analysis read")
    place_level: str | None = None
    compounds: int | None = Field(default=None, description="compounds in the place (brokers)")
    as_of: str | None = None
    seed: int | None = Field(default=None, description="the Louvain seed, for communities")


class GraphChanged(StoreError):
    """The graph was loaded again while an analysis read it, every time it tried."""


# ---------------------------------------------------------------------------
# projections: rows -> networkx graphs


def bipartite_graph(rows: Iterable[dict[str, Any]]) -> nx.Graph:
    """The unit–measure network from ``duty_edges`` rows: nodes carry ``bipartite``
    (0 units, 1 measures), edges their ``role`` and its ``weight`` (a unit named twice
    in one measure keeps its strongest role).

    >>> g = bipartite_graph([{"unit_id": "A", "measure_id": "m1", "role": "lead"},
    ...                      {"unit_id": "B", "measure_id": "m1", "role": "responsible"}])
    >>> sorted((u, g.edges[u, "m1"]["role"]) for u in g.neighbors("m1"))
    [('A', 'lead'), ('B', 'responsible')]
    """
    g = nx.Graph()
    for r in rows:
        g.add_node(r["unit_id"], bipartite=0, name=r.get("unit_name"), kind=r.get("unit_kind"))
        g.add_node(r["measure_id"], bipartite=1, doc=r.get("doc"), number=r.get("number"),
                   title=r.get("title"))
        w = ROLE_WEIGHT[r["role"]]
        old = g.get_edge_data(r["unit_id"], r["measure_id"])
        if old is None or old["weight"] < w:
            g.add_edge(r["unit_id"], r["measure_id"], role=r["role"], weight=w)
    return g


def co_responsibility_graph(rows: Iterable[dict[str, Any]],
                            units: Iterable[dict[str, Any]] = ()) -> nx.Graph:
    """The co-responsibility network from ``co_responsibility`` rows; ``units`` (rows
    with ``unit_id``) adds units that share no measure, as isolated nodes."""
    g = nx.Graph()
    for u in units:
        g.add_node(u["unit_id"], name=u.get("unit_name"), kind=u.get("unit_kind"))
    for r in rows:
        for end in "ab":
            if r[f"{end}_id"] not in g or g.nodes[r[f"{end}_id"]].get("name") is None:
                g.add_node(r[f"{end}_id"], name=r.get(f"{end}_name"), kind=r.get(f"{end}_kind"))
        g.add_edge(r["a_id"], r["b_id"], weight=float(r["weight"]), shared=int(r["shared"]),
                   lead_ties=int(r["lead_ties"]), measures=list(r.get("measures") or []))
    return g


def hierarchy_graph(rows: Iterable[dict[str, Any]]) -> nx.MultiDiGraph:
    """The leadership and supervision hierarchy from ``structure_edges`` rows: one
    directed edge per fact, keyed by its relation (and role).

    >>> h = hierarchy_graph([{"src_id": "P", "dst_id": "R", "relation": "LEADS"},
    ...                      {"src_id": "R", "dst_id": "O", "relation": "GUIDES"}])
    >>> sorted(nx.descendants(h, "P"))
    ['O', 'R']
    """
    g = nx.MultiDiGraph()
    for r in rows:
        for end in ("src", "dst"):
            g.add_node(r[f"{end}_id"], name=r.get(f"{end}_name"), kind=r.get(f"{end}_kind"))
        g.add_edge(r["src_id"], r["dst_id"], key=f"{r['relation']}|{r.get('role') or ''}",
                   relation=r["relation"], role=r.get("role"), measure=r.get("source_measure"),
                   clause=r.get("clause"))
    return g


def _is_type(node_id: str) -> bool:
    return node_id.startswith(_TYPE_PREFIXES)


class _Frame:
    """The bodies of one frame (a compound or an area, with its parents up to the
    county): their nodes, the concrete bodies of each body type, and the county's
    bodies by kind (which a collective such as 各县〔区〕人民政府〔管委会〕 stands for)."""

    def __init__(self, place: dict[str, Any]) -> None:
        self.compound: str | None = place.get("compound_id")
        self.nodes: dict[str, dict[str, Any]] = {}
        self.ties: list[tuple[str, str, str]] = []  # body SERVES / company MANAGES the compound
        self.instances: dict[str, list[str]] = defaultdict(list)
        self.county_by_kind: dict[str, list[str]] = defaultdict(list)
        k = self.compound
        if k:
            self.nodes[k] = {"name": place.get("compound_name"), "kind": "Area", "level": "compound"}
        for b in place.get("bodies") or []:
            if not b:
                continue
            self.nodes[b["body_id"]] = {"name": b.get("body_name"), "kind": b.get("body_kind"),
                                        "level": b.get("area_level")}
            if b.get("body_type"):
                self.instances[b["body_type"]].append(b["body_id"])
            if b.get("area_level") == "county":
                self.county_by_kind[b.get("body_kind") or ""].append(b["body_id"])
            if k and b.get("area_level") == "compound":
                self.ties.append((b["body_id"], k, "SERVES"))
        for m in place.get("managers") or []:
            if not m:
                continue
            self.nodes[m["company_id"]] = {"name": m.get("company_name"), "kind": "Company",
                                           "level": "manager"}
            self.instances[COMPANY_TYPES.get(m.get("company_kind") or "", "company:property")].append(
                m["company_id"])
            if k:
                self.ties.append((m["company_id"], k, "MANAGES"))
        for generic, concrete_types in STANDS_FOR.items():
            for t in concrete_types:
                self.instances[generic] += self.instances.get(t, [])

    def _ends(self, node_id: str, name: str | None, kind: str | None, collective: bool | None
              ) -> list[str]:
        if _is_type(node_id):
            return self.instances.get(node_id, [])
        if collective and self.county_by_kind.get(kind or ""):
            return self.county_by_kind[kind or ""]
        if node_id not in self.nodes:
            self.nodes[node_id] = {"name": name, "kind": kind, "level": "city"}
        return [node_id]

    def facts(self, structure: Iterable[dict[str, Any]]
              ) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Each fact about kinds of body, between the concrete bodies it joins in this
        frame (source, destination, the ``structure_edges`` row)."""
        for r in structure:
            srcs = self._ends(r["src_id"], r.get("src_name"), r.get("src_kind"), r.get("src_collective"))
            dsts = self._ends(r["dst_id"], r.get("dst_name"), r.get("dst_kind"), r.get("dst_collective"))
            for s in srcs:
                for d in dsts:
                    if s != d:
                        yield s, d, r


def governance_graph(place: dict[str, Any], structure: Iterable[dict[str, Any]],
                     concrete: Iterable[dict[str, Any]] = ()) -> nx.Graph:
    """A compound's governance network: ``place`` is a ``compound_place`` row (or a
    compound's frame from ``place_frame``, in that shape), ``structure`` the
    ``structure_around`` rows about the body types in it, ``concrete`` ``edges_among``
    rows among its own bodies (PART_OF between organizations).

    Each fact about kinds of body (the residents' committee GUIDES the owners'
    committee) joins the concrete bodies of those kinds in this compound's frame; a
    department named in the fact (市住房城乡建设局) joins as itself, a collective
    (各县〔区〕人民政府〔管委会〕) as the county's own bodies of its kind. Node ``level``:
    compound, community, street, county, manager or city.
    """
    frame = _Frame(place)
    facts = list(frame.facts(structure))  # adds the departments the facts name
    g = nx.Graph()
    g.add_nodes_from(frame.nodes.items())
    for a, b, rel in frame.ties:
        g.add_edge(a, b, relation=rel)
    for s, d, r in facts:
        if not g.has_edge(s, d):
            g.add_edge(s, d, relation=r["relation"], measure=r.get("source_measure"),
                       clause=r.get("clause"))
    for r in concrete:
        if r["src"] in g and r["dst"] in g and r["src"] != r["dst"] and not g.has_edge(r["src"], r["dst"]):
            g.add_edge(r["src"], r["dst"], relation=r["type"])
    return g


def place_hierarchy_graph(frames: Iterable[dict[str, Any]], structure: Sequence[dict[str, Any]]
                          ) -> nx.MultiDiGraph:
    """The leadership and supervision hierarchy of a place's concrete bodies: the
    union, over the frames of its areas (``compound_place``-shaped), of each fact
    about kinds of body joined between the bodies of those kinds in that frame. Every
    body of a frame is a node, tied or not.

    >>> rows = [{"src_id": "gov:street-office", "relation": "SUPERVISES",
    ...          "dst_id": "committee:owners"}]
    >>> frame = {"compound_id": "k", "bodies": [
    ...     {"body_id": "s", "body_type": "gov:street-office", "area_level": "street"},
    ...     {"body_id": "o", "body_type": "committee:owners", "area_level": "compound"}]}
    >>> h = place_hierarchy_graph([frame], rows)
    >>> sorted(h.edges(keys=True)), sorted(h)
    ([('s', 'o', 'SUPERVISES|')], ['o', 's'])
    """
    h = nx.MultiDiGraph()
    for place in frames:
        frame = _Frame(place)
        facts = list(frame.facts(structure))
        for n, data in frame.nodes.items():
            if n != frame.compound and n not in h:
                h.add_node(n, **data)
        for s, d, r in facts:
            for n in (s, d):
                if n not in h:
                    h.add_node(n, **frame.nodes[n])
            h.add_edge(s, d, key=f"{r['relation']}|{r.get('role') or ''}", relation=r["relation"],
                       role=r.get("role"), measure=r.get("source_measure"), clause=r.get("clause"))
    return h


# ---------------------------------------------------------------------------
# measures: graphs -> numbers


def betweenness(g: nx.Graph) -> dict[str, float]:
    """Share of the shortest paths between other units that pass through each unit
    (unweighted, normalised to 0..1)."""
    return nx.betweenness_centrality(g, normalized=True)


def eigenvector(g: nx.Graph, weight: str | None = "weight") -> dict[str, float]:
    """Eigenvector centrality (weighted; unit Euclidean norm over the whole graph).

    A component whose ties are weaker than the strongest component's tends to 0; a
    graph without edges gives 0 to every node.

    >>> path = nx.path_graph(["A", "B", "C"])
    >>> {k: round(v, 4) for k, v in eigenvector(path, None).items()}
    {'A': 0.5, 'B': 0.7071, 'C': 0.5}
    """
    if g.number_of_edges() == 0:
        return {n: 0.0 for n in g}
    try:
        return nx.eigenvector_centrality(g, weight=weight, max_iter=5000, tol=1e-10)
    except nx.PowerIterationFailedConvergence:  # pragma: no cover - bipartite-like oscillation
        return nx.eigenvector_centrality(nx.Graph(g), weight=weight, max_iter=20000, tol=1e-8)


def louvain(g: nx.Graph, seed: int = LOUVAIN_SEED) -> list[list[str]]:
    """Communities by Louvain (weighted, seeded): each sorted, largest first.

    >>> two = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("C", "D"),
    ...                 ("D", "E"), ("E", "F"), ("D", "F")])
    >>> louvain(two)
    [['A', 'B', 'C'], ['D', 'E', 'F']]
    """
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def gini(values: Sequence[float]) -> float:
    """Gini coefficient of non-negative values: 0 when all carry the same load,
    towards 1 when one carries it all. Mean absolute difference over twice the mean.

    >>> gini([3, 3, 3]), gini([0, 0, 6])
    (0.0, 0.6666666666666666)
    """
    n = len(values)
    total = sum(values)
    if n == 0 or total == 0:
        return 0.0
    xs = sorted(values)
    # sum_i sum_j |x_i - x_j| = 2 * sum_i (2i - n + 1) x_i over sorted x (i from 0)
    diff = 2 * sum((2 * i - n + 1) * x for i, x in enumerate(xs))
    return diff / (2 * n * n * (total / n))


def lorenz(values: Sequence[float]) -> tuple[list[float], list[float]]:
    """The Lorenz curve: cumulative shares of units (fewest first) and of their values.

    >>> lorenz([1, 3])
    ([0.0, 0.5, 1.0], [0.0, 0.25, 1.0])
    """
    xs, ys = [0.0], [0.0]
    total, n, run = sum(values), len(values), 0.0
    for i, v in enumerate(sorted(values)):
        run += v
        xs.append((i + 1) / n)
        ys.append(run / total if total else 0.0)
    return xs, ys


def hhi(values: Sequence[float]) -> float:
    """Herfindahl–Hirschman index: the sum of squared shares, 1/n when all carry the
    same load, 1 when one carries it all.

    >>> hhi([1, 1, 1, 1]), hhi([5])
    (0.25, 1.0)
    """
    total = sum(values)
    if total == 0:
        return 0.0
    return sum((v / total) ** 2 for v in values)


# ---------------------------------------------------------------------------
# reading the projections


class Network(BaseModel):
    """The co-responsibility and unit–measure networks of some documents, as read."""

    documents: list[DocumentRef]
    generation: str | None
    duties: list[dict[str, Any]]
    pairs: list[dict[str, Any]]

    def co(self) -> nx.Graph:
        return co_responsibility_graph(self.pairs, self.duties)

    def bipartite(self) -> nx.Graph:
        return bipartite_graph(self.duties)

    def units(self) -> dict[str, UnitRef]:
        return {r["unit_id"]: UnitRef(id=r["unit_id"], name=r["unit_name"], kind=r.get("unit_kind"),
                                      name_en=r.get("unit_name_en")) for r in self.duties}

    def basis(self, projection: str, g: nx.Graph, **extra: Any) -> Basis:
        return Basis(projection=projection, documents=self.documents, generation=self.generation,
                     nodes=g.number_of_nodes(), edges=g.number_of_edges(), **extra)


def _documents(docs: Sequence[str] | None) -> Flow[list[DocumentRef]]:
    loaded = {r["doc"]: r for r in (yield from read("documents")).records()}
    if docs is None:
        return [DocumentRef(doc=d, title=r.get("title")) for d, r in loaded.items()]
    wanted = list(dict.fromkeys(d.strip() for d in docs if d and d.strip()))
    if not wanted:
        raise InvalidArgument("no document given")
    unknown = [d for d in wanted if d not in loaded]
    if unknown:
        raise NotFound(f"no document {', '.join(map(repr, unknown))}; loaded: "
                       f"{', '.join(sorted(loaded)) or 'none (govgraph load)'}")
    return [DocumentRef(doc=d, title=loaded[d].get("title")) for d in wanted]


def _one_generation(*row_lists: list[dict[str, Any]]) -> tuple[bool, str | None]:
    seen = {r.get("generation") for rows in row_lists for r in rows}
    seen.discard(None)
    return len(seen) <= 1, (next(iter(seen)) if seen else None)


def network_flow(docs: Sequence[str] | None = None, attempts: int = 3) -> Flow[Network]:
    """Read the duties and co-responsible pairs of ``docs`` (None = every loaded
    document). The two reads must see one graph generation; if a load falls between
    them they are read again (``attempts`` times in all)."""
    documents = yield from _documents(docs)
    ids = None if docs is None else [d.doc for d in documents]
    for _ in range(attempts):
        duties = (yield from read("duty_edges", docs=ids)).records()
        pairs = (yield from read("co_responsibility", docs=ids)).records()
        same, generation = _one_generation(duties, pairs)
        if same:
            return Network(documents=documents, generation=generation, duties=duties, pairs=pairs)
    raise GraphChanged("the graph was loaded again while it was being read; ask again")


# ---------------------------------------------------------------------------
# degree


class UnitDegree(BaseModel):
    unit: UnitRef
    lead: int = Field(description="measures the unit leads")
    responsible: int = Field(description="measures it shares as a responsible unit")
    support: int = Field(description="measures it supports")
    duties: int = Field(description="measures it is named in, any role")
    partners: int = Field(description="units it shares at least one measure with (degree)")
    strength: float = Field(description="sum of its tie weights (weighted degree)")


class DegreeAnswer(BaseModel):
    question: str = "degree"
    basis: Basis
    items: list[UnitDegree]


def degree_flow(docs: Sequence[str] | None = None) -> Flow[DegreeAnswer]:
    net = yield from network_flow(docs)
    co, units = net.co(), net.units()
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in net.duties:
        roles[r["unit_id"]][r["role"]].add(r["measure_id"])
    items = []
    for uid, unit in units.items():
        measures = set().union(*roles[uid].values())
        items.append(UnitDegree(unit=unit, lead=len(roles[uid]["lead"]),
                                responsible=len(roles[uid]["responsible"]),
                                support=len(roles[uid]["support"]), duties=len(measures),
                                partners=co.degree(uid), strength=co.degree(uid, weight="weight")))
    items.sort(key=lambda x: (-x.strength, -x.lead, x.unit.id))
    return DegreeAnswer(basis=net.basis("co-responsibility", co), items=items)


# ---------------------------------------------------------------------------
# centrality


class UnitCentrality(BaseModel):
    rank: int = Field(description="1 = most central by eigenvector centrality")
    unit: UnitRef
    betweenness: float = Field(description="share of shortest paths between other units through it")
    eigenvector: float = Field(description="tied strongly to units that are themselves central")
    strength: float


class CentralityAnswer(BaseModel):
    question: str = "centrality"
    basis: Basis
    items: list[UnitCentrality]


def _centrality(net: Network) -> tuple[nx.Graph, list[UnitCentrality]]:
    co, units = net.co(), net.units()
    bc, ec = betweenness(co), eigenvector(co)
    ordered = sorted(units, key=lambda u: (-round(ec.get(u, 0.0), 12), -bc.get(u, 0.0), u))
    return co, [UnitCentrality(rank=i + 1, unit=units[u], betweenness=bc.get(u, 0.0),
                               eigenvector=ec.get(u, 0.0), strength=co.degree(u, weight="weight"))
                for i, u in enumerate(ordered)]


def centrality_flow(docs: Sequence[str] | None = None) -> Flow[CentralityAnswer]:
    net = yield from network_flow(docs)
    co, items = _centrality(net)
    return CentralityAnswer(basis=net.basis("co-responsibility", co), items=items)


# ---------------------------------------------------------------------------
# communities


class Community(BaseModel):
    community: int = Field(description="1 = the largest")
    size: int
    units: list[UnitRef]
    internal_weight: float = Field(description="weight of the ties inside the community")
    measures: list[str] = Field(description="measures at least two of its units share")


class CommunitiesAnswer(BaseModel):
    question: str = "communities"
    basis: Basis
    modularity: float
    items: list[Community]


def _measure_order(measure_id: str) -> tuple[str, int, str]:
    """doc#m11 after doc#m9."""
    doc, _, number = measure_id.rpartition("#m")
    return (doc, int(number), "") if number.isdigit() else (measure_id, 0, measure_id)


def _communities(net: Network, seed: int) -> tuple[nx.Graph, list[list[str]]]:
    co = net.co()
    return co, louvain(co, seed)


def community_map_flow(docs: Sequence[str] | None = None, seed: int = LOUVAIN_SEED
                       ) -> Flow[tuple[CommunitiesAnswer, list[tuple[str, str, float]]]]:
    """The communities and the ties among the units, for drawing the map."""
    net = yield from network_flow(docs)
    return (_communities_answer(net, seed),
            [(r["a_id"], r["b_id"], float(r["weight"])) for r in net.pairs])


def communities_flow(docs: Sequence[str] | None = None,
                     seed: int = LOUVAIN_SEED) -> Flow[CommunitiesAnswer]:
    net = yield from network_flow(docs)
    return _communities_answer(net, seed)


def _communities_answer(net: Network, seed: int) -> CommunitiesAnswer:
    co, parts = _communities(net, seed)
    units = net.units()
    items = []
    for i, part in enumerate(parts):
        sub = co.subgraph(part)
        measures = sorted({m for _a, _b, ms in sub.edges(data="measures") for m in ms},
                          key=_measure_order)
        items.append(Community(community=i + 1, size=len(part), units=[units[u] for u in part],
                               internal_weight=sub.size(weight="weight"), measures=measures))
    q = nx.community.modularity(co, parts, weight="weight") if co.number_of_edges() else 0.0
    return CommunitiesAnswer(basis=net.basis("co-responsibility", co, seed=seed), modularity=q,
                             items=items)


# ---------------------------------------------------------------------------
# concentration


class UnitShare(BaseModel):
    unit: UnitRef
    duties: int
    share: float


class Concentration(BaseModel):
    doc: str
    title: str | None = None
    units: int = Field(description="units with at least one duty in the document")
    duties: int
    gini: float = Field(description="Gini over units' duties (0 even .. 1 one unit carries all)")
    hhi: float = Field(description="Herfindahl–Hirschman index over units' shares of the duties")
    effective_units: float = Field(description="1 / HHI: how many equal carriers the load is worth")
    lead_gini: float = Field(description="Gini over the measures each unit leads")
    lead_hhi: float
    top: list[UnitShare] = Field(description="the units carrying the most, largest share first")
    lorenz_x: list[float] = Field(description="Lorenz curve: cumulative share of units, fewest "
                                              "duties first (from 0)")
    lorenz_y: list[float] = Field(description="Lorenz curve: cumulative share of duties")


class ConcentrationAnswer(BaseModel):
    question: str = "concentration"
    basis: Basis
    items: list[Concentration]


def concentration_flow(docs: Sequence[str] | None = None, top: int = 3) -> Flow[ConcentrationAnswer]:
    net = yield from network_flow(docs)
    units = net.units()
    per_doc: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set)))
    for r in net.duties:
        per_doc[r["doc"]][r["unit_id"]][r["role"]].add(r["measure_id"])
    items = []
    for d in net.documents:
        loads = {u: len(set().union(*roles.values())) for u, roles in per_doc[d.doc].items()}
        leads = [len(roles["lead"]) for roles in per_doc[d.doc].values()]
        total = sum(loads.values())
        h = hhi(list(loads.values()))
        ranked = sorted(loads.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        xs, ys = lorenz(list(loads.values()))
        items.append(Concentration(
            doc=d.doc, title=d.title, units=len(loads), duties=total, gini=gini(list(loads.values())),
            hhi=h, effective_units=1 / h if h else 0.0, lead_gini=gini(leads), lead_hhi=hhi(leads),
            top=[UnitShare(unit=units[u], duties=n, share=n / total) for u, n in ranked],
            lorenz_x=xs, lorenz_y=ys))
    return ConcentrationAnswer(basis=net.basis("unit-measure", net.bipartite()), items=items)


# ---------------------------------------------------------------------------
# cross-community measures without a lead


class UnledMeasure(BaseModel):
    measure_id: str
    doc: str
    number: int
    title: str | None
    communities: list[int] = Field(description="the communities its units belong to")
    units: list[UnitRef]
    leads: list[UnitRef]
    leaderless: bool


class UnledAnswer(BaseModel):
    question: str = "unled"
    basis: Basis
    items: list[UnledMeasure]


def unled_flow(docs: Sequence[str] | None = None, min_communities: int = 2,
               include_led: bool = False, seed: int = LOUVAIN_SEED) -> Flow[UnledAnswer]:
    """Measures whose units span at least ``min_communities`` communities of the
    co-responsibility network and that have no lead (with ``include_led``, those with
    a lead too, leaderless first)."""
    if min_communities < 1:
        raise InvalidArgument("min_communities must be at least 1")
    net = yield from network_flow(docs)
    co, parts = _communities(net, seed)
    where = {u: i + 1 for i, part in enumerate(parts) for u in part}
    units = net.units()
    by_measure: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in net.duties:
        by_measure[r["measure_id"]].append(r)
    items = []
    for mid, rows in by_measure.items():
        comms = sorted({where[r["unit_id"]] for r in rows if r["unit_id"] in where})
        leads = sorted({r["unit_id"] for r in rows if r["role"] == "lead"})
        if len(comms) < min_communities or (leads and not include_led):
            continue
        r0 = rows[0]
        items.append(UnledMeasure(measure_id=mid, doc=r0["doc"], number=r0["number"],
                                  title=r0.get("title"), communities=comms,
                                  units=[units[u] for u in sorted({r["unit_id"] for r in rows})],
                                  leads=[units[u] for u in leads], leaderless=not leads))
    items.sort(key=lambda m: (not m.leaderless, -len(m.communities), m.doc, m.number))
    return UnledAnswer(basis=net.basis("co-responsibility", co, seed=seed), items=items)


# ---------------------------------------------------------------------------
# the difference between two documents


class UnitMove(BaseModel):
    unit: UnitRef
    rank_a: int
    rank_b: int
    eigenvector_a: float
    eigenvector_b: float
    betweenness_a: float
    betweenness_b: float
    strength_a: float
    strength_b: float


class DiffAnswer(BaseModel):
    question: str = "diff"
    basis: Basis
    doc_a: str
    doc_b: str
    gained: list[UnitRef] = Field(description="units with duties in B and none in A")
    lost: list[UnitRef] = Field(description="units with duties in A and none in B")
    moved: list[UnitMove] = Field(description="units in both, most moved first")


def diff_flow(doc_a: str, doc_b: str) -> Flow[DiffAnswer]:
    a = yield from network_flow([doc_a])
    b = yield from network_flow([doc_b])
    if a.generation != b.generation:
        raise GraphChanged("the graph was loaded again between the two documents' reads; ask again")
    _, ca = _centrality(a)
    _, cb = _centrality(b)
    ia, ib = {c.unit.id: c for c in ca}, {c.unit.id: c for c in cb}
    moved = [UnitMove(unit=ia[u].unit, rank_a=ia[u].rank, rank_b=ib[u].rank,
                      eigenvector_a=ia[u].eigenvector, eigenvector_b=ib[u].eigenvector,
                      betweenness_a=ia[u].betweenness, betweenness_b=ib[u].betweenness,
                      strength_a=ia[u].strength, strength_b=ib[u].strength)
             for u in ia if u in ib]
    moved.sort(key=lambda m: (-abs(m.rank_b - m.rank_a), -abs(m.betweenness_b - m.betweenness_a),
                              m.unit.id))
    both = nx.compose(a.co(), b.co())
    basis = Basis(projection="co-responsibility", documents=a.documents + b.documents,
                  generation=a.generation, nodes=both.number_of_nodes(), edges=both.number_of_edges())
    return DiffAnswer(basis=basis, doc_a=doc_a, doc_b=doc_b,
                      gained=[ib[u].unit for u in sorted(ib) if u not in ia],
                      lost=[ia[u].unit for u in sorted(ia) if u not in ib], moved=moved)


# ---------------------------------------------------------------------------
# a place: the areas in it and their bodies, read from the place's own id

PLACE_LEVELS = ("county", "street", "community", "compound")


class PlaceFrames:
    """A place read with ``place_frame``: its areas (and parents up to its county),
    each with its bodies and, for a compound, its managers on the date."""

    def __init__(self, area_id: str, rows: list[dict[str, Any]]) -> None:
        self.id = area_id
        self.areas = {r["area_id"]: r for r in rows}
        self.top = self.areas[area_id]
        self.level: str = self.top.get("level") or ""
        below = self._below(area_id)
        self.inside = [a for a in self.areas if a in below]  # the place and the areas in it
        self.compounds = [a for a in self.inside if self.areas[a].get("level") == "compound"]

    def _below(self, area_id: str) -> set[str]:
        children: dict[str, list[str]] = defaultdict(list)
        for a, r in self.areas.items():
            if r.get("parent_id"):
                children[r["parent_id"]].append(a)
        seen, todo = {area_id}, [area_id]
        while todo:
            for c in children.get(todo.pop(), []):
                if c not in seen:
                    seen.add(c)
                    todo.append(c)
        return seen

    def chain(self, area_id: str) -> list[dict[str, Any]]:
        """The area and its parents up to its county (those read)."""
        out: list[dict[str, Any]] = []
        a = self.areas.get(area_id)
        while a is not None and a["area_id"] not in {r["area_id"] for r in out}:
            out.append(a)
            a = self.areas.get(a.get("parent_id") or "")
        return out

    def frame(self, area_id: str) -> dict[str, Any]:
        """The area's frame in ``compound_place``'s shape: its bodies and its parents',
        each with its ``area_level``, and for a compound its managers."""
        area = self.areas[area_id]
        bodies = [{**b, "area_id": a["area_id"], "area_level": a.get("level")}
                  for a in self.chain(area_id) for b in a.get("bodies") or [] if b]
        is_compound = area.get("level") == "compound"
        return {"compound_id": area_id if is_compound else None,
                "compound_name": area.get("area_name") if is_compound else None,
                "bodies": bodies, "managers": [m for m in area.get("managers") or [] if m]}

    def types(self) -> list[str]:
        """The body types (and company types) of the place's bodies, with the generic
        types standing for them."""
        found = {b["body_type"] for a in self.areas.values() for b in a.get("bodies") or []
                 if b and b.get("body_type")}
        found |= {COMPANY_TYPES.get(m.get("company_kind") or "", "company:property")
                  for a in self.areas.values() for m in a.get("managers") or [] if m}
        return sorted(found) + [g for g, ts in STANDS_FOR.items() if any(t in found for t in ts)]

    def part_of(self) -> list[dict[str, Any]]:
        """PART_OF between organizations of the place, as ``edges_among`` rows."""
        return [{"src": b["body_id"], "type": "PART_OF", "dst": q}
                for a in self.areas.values() for b in a.get("bodies") or [] if b
                for q in b.get("part_of") or []]

    def ref(self) -> UnitRef:
        return UnitRef(id=self.id, name=self.top.get("area_name") or self.id, kind=self.level)


def place_flow(area_id: str, as_of: str | None = None, docs: Sequence[str] | None = None
               ) -> Flow[tuple[PlaceFrames, list[dict[str, Any]], str | None]]:
    """Read a place (county, street, community or compound) and the notice's facts
    about its kinds of body: only the place's own subgraph leaves the store, found
    from its id (``place_frame``, ``structure_around``). Returns the place, the facts
    and the generation read."""
    from .compounds import _as_of

    day = _as_of(as_of)
    rows = (yield from read("place_frame", area_id=area_id, as_of=day)).records()
    if not rows:
        raise NotFound(f"unknown place {area_id!r}: give a county, street, community or compound "
                       "id (`govgraph places TEXT` lists them)")
    place = PlaceFrames(area_id, rows)
    if place.level not in PLACE_LEVELS:
        raise InvalidArgument(f"{area_id!r} is a {place.level or 'place without a level'}: place "
                              f"analyses run on a {', '.join(PLACE_LEVELS)}, never the whole city")
    types = place.types()
    structure = ((yield from read("structure_around", ids=types, docs=docs)).records()
                 if types else [])
    same, generation = _one_generation(rows, structure)
    if not same:
        raise GraphChanged("the graph was loaded again while it was being read; ask again")
    return place, structure, generation


def _cited(structure: Iterable[dict[str, Any]]) -> list[DocumentRef]:
    return [DocumentRef(doc=d) for d in sorted({r["source_doc"] for r in structure
                                                if r.get("source_doc")})]


# ---------------------------------------------------------------------------
# the hierarchy


class HierarchyNode(BaseModel):
    unit: UnitRef
    level: str | None = Field(default=None, description="for a place: compound, community, "
                                                        "street, county, manager or city")
    leads: int
    guides: int
    supervises: int
    heads: int
    nominates: int
    answers_to: int = Field(description="bodies that lead, guide, supervise, head or nominate it")
    reach: int = Field(description="bodies below it, following the hierarchy down")


class HierarchyAnswer(BaseModel):
    question: str = "hierarchy"
    basis: Basis
    items: list[HierarchyNode]


def _hierarchy_items(h: nx.MultiDiGraph) -> list[HierarchyNode]:
    items = []
    for n, data in h.nodes(data=True):
        out: dict[str, set[str]] = defaultdict(set)
        for _s, d, rel in h.out_edges(n, data="relation"):
            out[rel].add(d)
        items.append(HierarchyNode(
            unit=UnitRef(id=n, name=data.get("name") or n, kind=data.get("kind")),
            level=data.get("level"),
            leads=len(out["LEADS"]), guides=len(out["GUIDES"]), supervises=len(out["SUPERVISES"]),
            heads=len(out["HEADS"]), nominates=len(out["NOMINATES"]),
            answers_to=len(set(h.predecessors(n))), reach=len(nx.descendants(h, n))))
    items.sort(key=lambda x: (-x.reach, -x.supervises, x.unit.id))
    return items


def hierarchy_flow(docs: Sequence[str] | None = None, place: str | None = None,
                   as_of: str | None = None) -> Flow[HierarchyAnswer]:
    """The leadership and supervision hierarchy. Without ``place``: the documents'
    standing structure (actors and kinds of body, tens of nodes). With ``place`` (a
    county, street, community or compound): the hierarchy among the place's own
    bodies, read from the place alone (``place_frame``), each fact about kinds of
    body joined between the concrete bodies of those kinds in each area's frame."""
    documents = yield from _documents(docs)
    ids = None if docs is None else [d.doc for d in documents]
    if place is not None:
        where, structure, generation = yield from place_flow(place, as_of, ids)
        h = place_hierarchy_graph([where.frame(a) for a in where.inside], structure)
        basis = Basis(projection="hierarchy", documents=_cited(structure), generation=generation,
                      nodes=h.number_of_nodes(), edges=h.number_of_edges(), place=place,
                      place_level=where.level, as_of=_day(as_of))
        return HierarchyAnswer(basis=basis, items=_hierarchy_items(h))
    # structure_facts: the rows of structure_edges, found from the bodies' labels
    # instead of by a scan of every node (docs/analytics.md#cost).
    rows = (yield from read("structure_facts", docs=ids)).records()
    _, generation = _one_generation(rows)
    h = hierarchy_graph(rows)
    basis = Basis(projection="hierarchy", documents=documents, generation=generation,
                  nodes=h.number_of_nodes(), edges=h.number_of_edges())
    return HierarchyAnswer(basis=basis, items=_hierarchy_items(h))


def _day(as_of: str | None) -> str:
    from .compounds import _as_of

    return _as_of(as_of)


# ---------------------------------------------------------------------------
# brokers in a compound's governance network


class Broker(BaseModel):
    body: UnitRef
    level: str | None
    cuts_off: list[UnitRef] = Field(description="bodies above the street the compound no longer "
                                                "reaches without this one")


class Bridge(BaseModel):
    a: UnitRef
    b: UnitRef
    relation: str | None
    measure: int | None = None
    cuts_off: list[UnitRef]


class BrokersAnswer(BaseModel):
    question: str = "brokers"
    basis: Basis
    compound: UnitRef
    reached: list[UnitRef] = Field(description="county and city bodies the compound reaches")
    unreached: list[UnitRef] = Field(description="county and city bodies in its frame it never "
                                                 "reaches: no tie in the notice's structure")
    items: list[Broker] = Field(description="articulation points that cut the compound off from "
                                            "some body above the street")
    bridges: list[Bridge]


def _ref(g: nx.Graph, n: str) -> UnitRef:
    d = g.nodes[n]
    return UnitRef(id=n, name=d.get("name") or n, kind=d.get("kind"))


def _cut_off(g: nx.Graph, source: str, targets: set[str]) -> set[str]:
    reach = nx.node_connected_component(g, source) if source in g else set()
    return {t for t in targets if t not in reach}


def _compound_brokers(g: nx.Graph, compound_id: str
                      ) -> tuple[set[str], set[str], list[Broker], list[Bridge]]:
    """What reaches above the street from the compound, and the articulation points
    and bridges whose removal cuts it off from some of that."""
    above = {n for n, lv in g.nodes(data="level") if lv in ("county", "city")}
    unreached = _cut_off(g, compound_id, above)
    reached = above - unreached
    items = []
    for v in sorted(nx.articulation_points(g)):
        if v == compound_id:
            continue
        h = g.copy()
        h.remove_node(v)
        cut = _cut_off(h, compound_id, reached - {v})
        if cut:
            items.append(Broker(body=_ref(g, v), level=g.nodes[v].get("level"),
                                cuts_off=[_ref(g, t) for t in sorted(cut)]))
    bridges = []
    for a, b in sorted(tuple(sorted(e)) for e in nx.bridges(g)):
        h = g.copy()
        h.remove_edge(a, b)
        cut = _cut_off(h, compound_id, reached)
        if cut:
            data = g.edges[a, b]
            bridges.append(Bridge(a=_ref(g, a), b=_ref(g, b), relation=data.get("relation"),
                                  measure=data.get("measure"), cuts_off=[_ref(g, t) for t in sorted(cut)]))
    items.sort(key=lambda x: (-len(x.cuts_off), x.body.id))
    return reached, unreached, items, bridges


def brokers_flow(compound_id: str, as_of: str | None = None) -> Flow[BrokersAnswer]:
    """The bodies and ties whose absence cuts a compound off from the county and city
    bodies above it: articulation points and bridges of its governance network."""
    try:
        place, structure, generation = yield from place_flow(compound_id, as_of)
    except (NotFound, InvalidArgument):
        raise NotFound(f"unknown compound {compound_id!r}; list them with `govgraph compounds`"
                       ) from None
    if place.level != "compound":
        raise NotFound(f"{compound_id!r} is a {place.level}, not a compound; for a place's brokers "
                       "give --place (GET /analytics/brokers?place=)")
    g = governance_graph(place.frame(compound_id), structure, place.part_of())
    reached, unreached, items, bridges = _compound_brokers(g, compound_id)
    basis = Basis(projection="governance", documents=_cited(structure), generation=generation,
                  nodes=g.number_of_nodes(), edges=g.number_of_edges(), compound=compound_id,
                  as_of=_day(as_of))
    return BrokersAnswer(basis=basis, compound=_ref(g, compound_id),
                         reached=[_ref(g, n) for n in sorted(reached)],
                         unreached=[_ref(g, n) for n in sorted(unreached)], items=items,
                         bridges=bridges)


# ---------------------------------------------------------------------------
# brokers of a place: which bodies cut which of its compounds off


class PlaceBroker(BaseModel):
    body: UnitRef
    level: str | None
    compounds: list[UnitRef] = Field(description="the place's compounds this body is the only "
                                                 "link of, to some body above the street")
    cuts_off: list[UnitRef] = Field(description="the county and city bodies some of those "
                                                "compounds no longer reach without it")


class PlaceBridge(BaseModel):
    a: UnitRef
    b: UnitRef
    relation: str | None
    measure: int | None = None
    compounds: list[UnitRef]
    cuts_off: list[UnitRef]


class PlaceBrokersAnswer(BaseModel):
    question: str = "brokers"
    basis: Basis
    place: UnitRef
    level: str
    compounds: int = Field(description="compounds in the place")
    cut_off: list[UnitRef] = Field(description="compounds that reach no county or city body at all")
    items: list[PlaceBroker] = Field(description="bodies whose absence cuts some compound off, "
                                                 "most compounds first")
    bridges: list[PlaceBridge]


def place_brokers_flow(area_id: str, as_of: str | None = None) -> Flow[PlaceBrokersAnswer]:
    """The bodies (and ties) whose absence cuts compounds of a county, street,
    community or compound off from the county and city bodies above them: for each
    compound of the place its governance network (as ``brokers`` builds it), its
    brokers and bridges, gathered by body. Only the place's subgraph is read."""
    place, structure, generation = yield from place_flow(area_id, as_of)
    concrete = place.part_of()
    brokers: dict[str, tuple[PlaceBroker, dict[str, UnitRef], dict[str, UnitRef]]] = {}
    bridges: dict[tuple[str, str], tuple[PlaceBridge, dict[str, UnitRef], dict[str, UnitRef]]] = {}
    cut_off: list[UnitRef] = []
    union = nx.Graph()
    for k in place.compounds:
        g = governance_graph(place.frame(k), structure, concrete)
        union.add_nodes_from(g.nodes(data=True))
        union.add_edges_from(g.edges(data=True))
        reached, _unreached, items, ties = _compound_brokers(g, k)
        here = _ref(g, k)
        if not reached:
            cut_off.append(here)
        for b in items:
            entry = brokers.setdefault(b.body.id, (PlaceBroker(body=b.body, level=b.level,
                                                               compounds=[], cuts_off=[]), {}, {}))
            entry[1][k] = here
            entry[2].update({t.id: t for t in b.cuts_off})
        for x in ties:
            key = (x.a.id, x.b.id)
            tie = bridges.setdefault(key, (PlaceBridge(a=x.a, b=x.b, relation=x.relation,
                                                       measure=x.measure, compounds=[], cuts_off=[]),
                                           {}, {}))
            tie[1][k] = here
            tie[2].update({t.id: t for t in x.cuts_off})
    out_b = [b.model_copy(update={"compounds": [c[i] for i in sorted(c)],
                                  "cuts_off": [t[i] for i in sorted(t)]})
             for b, c, t in brokers.values()]
    out_b.sort(key=lambda x: (-len(x.compounds), x.body.id))
    out_t = [b.model_copy(update={"compounds": [c[i] for i in sorted(c)],
                                  "cuts_off": [t[i] for i in sorted(t)]})
             for b, c, t in bridges.values()]
    out_t.sort(key=lambda x: (-len(x.compounds), x.a.id, x.b.id))
    basis = Basis(projection="governance", documents=_cited(structure), generation=generation,
                  nodes=union.number_of_nodes(), edges=union.number_of_edges(), place=area_id,
                  place_level=place.level, compounds=len(place.compounds), as_of=_day(as_of))
    return PlaceBrokersAnswer(basis=basis, place=place.ref(), level=place.level,
                              compounds=len(place.compounds), cut_off=cut_off, items=out_b,
                              bridges=out_t)


# ---------------------------------------------------------------------------
# sync wrappers (CLI, Python API, bench)


def degree(store: GraphStore, docs: Sequence[str] | None = None) -> DegreeAnswer:
    return drive(store, degree_flow(docs))


def centrality(store: GraphStore, docs: Sequence[str] | None = None) -> CentralityAnswer:
    return drive(store, centrality_flow(docs))


def communities(store: GraphStore, docs: Sequence[str] | None = None,
                seed: int = LOUVAIN_SEED) -> CommunitiesAnswer:
    return drive(store, communities_flow(docs, seed))


def concentration(store: GraphStore, docs: Sequence[str] | None = None,
                  top: int = 3) -> ConcentrationAnswer:
    return drive(store, concentration_flow(docs, top))


def unled(store: GraphStore, docs: Sequence[str] | None = None, min_communities: int = 2,
          include_led: bool = False, seed: int = LOUVAIN_SEED) -> UnledAnswer:
    return drive(store, unled_flow(docs, min_communities, include_led, seed))


def diff(store: GraphStore, doc_a: str, doc_b: str) -> DiffAnswer:
    return drive(store, diff_flow(doc_a, doc_b))


def hierarchy(store: GraphStore, docs: Sequence[str] | None = None, place: str | None = None,
              as_of: str | None = None) -> HierarchyAnswer:
    return drive(store, hierarchy_flow(docs, place, as_of))


def brokers(store: GraphStore, compound_id: str, as_of: str | None = None) -> BrokersAnswer:
    return drive(store, brokers_flow(compound_id, as_of))


def place_brokers(store: GraphStore, area_id: str, as_of: str | None = None) -> PlaceBrokersAnswer:
    return drive(store, place_brokers_flow(area_id, as_of))


QUESTIONS = {
    "degree": "degree and weighted degree by role in the co-responsibility network",
    "centrality": "betweenness and eigenvector centrality, ranked",
    "communities": "blocs of units that share duties (Louvain, seeded)",
    "concentration": "how concentrated each document's load is (Gini, HHI)",
    "unled": "measures whose units span several communities but have no lead",
    "diff": "two documents' networks: units gained, lost, moved in centrality",
    "hierarchy": "the leadership and supervision hierarchy (of the documents, or of a place's "
                 "bodies with --place): who oversees how many",
    "brokers": "bodies and ties whose absence cuts a compound (--compound) or the compounds of "
               "a place (--place) off from the departments",
}
