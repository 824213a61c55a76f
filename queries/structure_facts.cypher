// name: structure_facts
// summary: Every LEADS, GUIDES, SUPERVISES, HEADS and NOMINATES edge between actors (optionally citing the given documents): the rows `structure_edges` gives with ids null, found from the labels only bodies carry (committee, Party organization, department, company) instead of by a scan of every node; a fact between two resident groups would not be found (none exists). Read by [analytics](analytics.md) (the documents' hierarchy).
// params: docs: list[str] | null (null = any document)
// The documents' hierarchy (`govgraph analyze hierarchy`) reads this. No index
// finds edges by type on the embedded engine (a typed pattern from an unbound node
// visits every node: 6 s at 1M residents), so each branch starts from a label that
// only bodies carry (a committee, Party organization, department or company; tens
// of thousands of nodes in a city of a million, never its residents) and walks
// only its edges of these types: every fact pointing at a body, and every fact a
// body states about a resident group. A fact between two resident groups (none
// in the notice's structure) would not be found; tests/engine/test_analytics_reads.py
// checks the rows equal structure_edges' on the loaded structure.
CALL {
  MATCH (a:Entity)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Committee) RETURN a, e, b
  UNION ALL
  MATCH (a:Entity)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:PartyOrganization) RETURN a, e, b
  UNION ALL
  MATCH (a:Entity)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Department) RETURN a, e, b
  UNION ALL
  MATCH (a:Entity)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Company) RETURN a, e, b
  UNION ALL
  MATCH (a:Committee)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Resident) RETURN a, e, b
  UNION ALL
  MATCH (a:PartyOrganization)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Resident) RETURN a, e, b
  UNION ALL
  MATCH (a:Department)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Resident) RETURN a, e, b
  UNION ALL
  MATCH (a:Company)-[e:LEADS|GUIDES|SUPERVISES|HEADS|NOMINATES]->(b:Resident) RETURN a, e, b
}
WITH a, e, b
WHERE $docs IS NULL OR e.source_doc IN $docs
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN a.id AS src_id, a.name AS src_name, a.kind AS src_kind, a.collective AS src_collective,
       type(e) AS relation, e.role AS role,
       b.id AS dst_id, b.name AS dst_name, b.kind AS dst_kind, b.collective AS dst_collective,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis, g.generation AS generation
ORDER BY src_id, relation, dst_id, role
