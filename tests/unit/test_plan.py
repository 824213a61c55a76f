"""The write plan (graph/plan.py) is made without a store: what each engine runs
for a batch, in which order, and how a store's known contents change it."""

from __future__ import annotations

from govgraph.graph.model import Edge, GraphBatch, Node, NodeKind, RelType
from govgraph.graph.plan import (
    GENERATION_QUERY,
    creating_plan,
    edge_plan,
    node_plan,
    plan_node_ids,
    plan_summary,
    write_plan,
)


def _batch() -> GraphBatch:
    nodes = [Node(id=f"c{i}", kind=NodeKind.COMMITTEE, name=f"委员会{i}") for i in range(5)]
    nodes += [Node(id="u1", kind=NodeKind.DEPARTMENT, name="市住建局"),
              Node(id="c0", kind=NodeKind.COMMITTEE, name="改名委员会")]  # a duplicate id
    edges = [Edge(type=RelType.MEMBER_OF, src=f"c{i}", dst="u1") for i in range(5)]
    return GraphBatch(nodes=nodes, edges=edges)


def test_nodes_come_before_edges_and_the_generation_stamp_is_last():
    plan = write_plan(_batch(), batch_rows=2)
    phases = [st.phase for st in plan]
    assert phases == sorted(phases, key=["node", "edge", "state"].index)
    assert phases[-1] == "state" and plan[-1].cypher == GENERATION_QUERY
    # write_plan is node_plan then edge_plan (whose generation token is fresh each time).
    again = node_plan(_batch(), 2) + edge_plan(_batch(), 2)
    assert [(st.cypher, st.params) for st in plan[:-1]] == [(st.cypher, st.params) for st in again[:-1]]
    assert plan[-1].params["generation"] != again[-1].params["generation"]


def test_rows_are_batched_and_a_duplicate_id_keeps_its_first_place_and_last_value():
    plan = node_plan(_batch(), batch_rows=2)
    assert all(st.rows <= 2 for st in plan)
    assert sorted(plan_node_ids(plan)) == ["c0", "c1", "c2", "c3", "c4", "u1"]
    committees = [r for st in plan if st.label == NodeKind.COMMITTEE.value
                  for r in st.params["rows"]]
    assert committees[0]["id"] == "c0" and committees[0]["props"]["name"] == "改名委员会"
    summary = plan_summary(write_plan(_batch()))
    assert (summary.nodes, summary.edges) == (6, 5)


def test_edges_of_a_type_are_ordered_by_their_target():
    rows = [r for st in edge_plan(_batch()) if st.phase == "edge" for r in st.params["rows"]]
    assert [(r["dst"], r["src"]) for r in rows] == sorted((r["dst"], r["src"]) for r in rows)


def test_creating_plan_creates_what_cannot_exist_and_merges_the_rest():
    plan = write_plan(_batch())
    created = {"c1", "c2"}
    run = creating_plan(plan, created)
    creates = [st for st in run if st.cypher.startswith("UNWIND $rows AS r CREATE")
               or " CREATE (a)" in st.cypher]
    merges = [st for st in run if st.phase in ("node", "edge") and st not in creates]
    made = {r[0] for st in creates if st.phase == "node" for r in st.params["rows"]}
    assert made == created
    # An edge with an end the load alone creates cannot exist yet: created too.
    created_edges = {r[0] for st in creates if st.phase == "edge" for r in st.params["rows"]}
    assert created_edges == {"c1", "c2"}
    assert plan_summary(run).nodes == plan_summary(plan).nodes
    assert plan_summary(run).edges == plan_summary(plan).edges
    assert merges and run[-1].phase == "state"  # what is not a node or edge passes through


def test_nothing_known_created_means_every_statement_merges():
    run = creating_plan(write_plan(_batch()), set())
    assert not any(" CREATE " in f" {st.cypher} " for st in run)
