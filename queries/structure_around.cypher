// name: structure_around
// summary: The LEADS, GUIDES, SUPERVISES, HEADS and NOMINATES edges touching the given actors or body types (optionally citing the given documents): the rows `structure_edges` gives for those ids, found from them through the Entity.id index instead of by a scan of every edge. Read by [analytics](analytics.md) (a compound's or a place's brokers, a place's hierarchy).
// params: ids: list[str], docs: list[str] | null (null = any document)
// A compound's governance network reads the facts about its kinds of body with
// this query, not structure_edges: the match starts from the given ids through the
// Entity.id index and walks only their own edges, so it costs the same in a city of
// 10k residents and one of 1M (structure_edges with ids scans every node).
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]-(:Entity)
WITH DISTINCT e
WITH e, startNode(e) AS a, endNode(e) AS b
WHERE $docs IS NULL OR e.source_doc IN $docs
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN a.id AS src_id, a.name AS src_name, a.kind AS src_kind, a.collective AS src_collective,
       type(e) AS relation, e.role AS role,
       b.id AS dst_id, b.name AS dst_name, b.kind AS dst_kind, b.collective AS dst_collective,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis, g.generation AS generation
ORDER BY src_id, relation, dst_id, role
