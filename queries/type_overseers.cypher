// name: type_overseers
// summary: From the standing structure: who leads, guides or supervises the given generic body types, with citations.
// params: type_ids: list[str]
MATCH (t:Entity)
WHERE t.id IN $type_ids
MATCH (s:Entity)-[e]->(t)
WHERE type(e) IN ['LEADS', 'GUIDES', 'SUPERVISES']
RETURN t.id AS type_id, t.name AS type_name, type(e) AS relation,
       s.id AS unit_id, s.name AS unit_name, s.kind AS unit_kind, s.name_en AS unit_name_en,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis
ORDER BY type_id, relation, unit_id
