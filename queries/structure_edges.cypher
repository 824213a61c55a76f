// name: structure_edges
// summary: The leadership and supervision hierarchy: every LEADS, GUIDES, SUPERVISES, HEADS and NOMINATES edge between actors or body types, optionally only those touching the given ids and citing the given documents, with citations and the graph's generation. Read by [analytics](analytics.md).
// params: ids: list[str] | null (null = every edge), docs: list[str] | null (null = any document)
MATCH (a:Entity)-[e]->(b:Entity)
WHERE type(e) IN ['LEADS', 'GUIDES', 'SUPERVISES', 'HEADS', 'NOMINATES']
  AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
  AND ($docs IS NULL OR e.source_doc IN $docs)
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN a.id AS src_id, a.name AS src_name, a.kind AS src_kind, a.collective AS src_collective,
       type(e) AS relation, e.role AS role,
       b.id AS dst_id, b.name AS dst_name, b.kind AS dst_kind, b.collective AS dst_collective,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis, g.generation AS generation
ORDER BY src_id, relation, dst_id, role
