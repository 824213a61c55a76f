// name: duty_edges
// summary: The unit–measure network of the given documents: one row per duty (lead, responsible or support) with the unit, the measure, its document and the graph's generation. Read by [analytics](analytics.md).
// params: docs: list[str] | null (null = every loaded document)
// The analyst's bipartite projection (queries/analytics.py) is built from these
// rows alone: only the duties of the documents asked for leave the store.
MATCH (u:Entity)-[e]->(m:Measure)
WHERE ($docs IS NULL OR m.doc IN $docs)
  AND type(e) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       m.id AS measure_id, m.doc AS doc, m.number AS number, m.title AS title,
       CASE type(e) WHEN 'LEADS_MEASURE' THEN 'lead' WHEN 'RESPONSIBLE_FOR' THEN 'responsible'
            ELSE 'support' END AS role,
       g.generation AS generation
ORDER BY doc, number, unit_id, role
