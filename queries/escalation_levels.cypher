// name: escalation_levels
// summary: The dispute mediation levels in order, with the bodies at each and the clause naming them.
// params: (none)
MATCH (lv:EscalationLevel)
OPTIONAL MATCH (b:Entity)-[e:MEDIATES_AT]->(lv)
RETURN lv.id AS level_id, lv.order AS level_order, lv.name AS level_name,
       lv.name_en AS level_name_en, lv.motto AS motto,
       b.id AS body_id, b.name AS body_name, b.kind AS body_kind, b.name_en AS body_name_en,
       e.role AS role, e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis
ORDER BY level_order, basis DESC, role, body_id
