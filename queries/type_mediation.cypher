// name: type_mediation
// summary: From measure 13: at which level each generic body type mediates, and in what role, with citations.
// params: (none)
MATCH (t:Entity)-[e:MEDIATES_AT]->(lv:EscalationLevel)
RETURN t.id AS type_id, t.name AS type_name, lv.id AS level_id, lv.order AS level_order,
       e.role AS role, e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis
ORDER BY level_order, type_id
