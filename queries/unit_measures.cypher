// name: unit_measures
// summary: The measures a unit leads, shares or supports, with the clause naming it.
// params: unit_id: str
MATCH (u:Entity {id: $unit_id})-[e]->(m:Measure)
WHERE type(e) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
RETURN m.id AS measure_id, m.doc AS doc, m.number AS number, m.title AS title,
       u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       CASE type(e) WHEN 'LEADS_MEASURE' THEN 'lead' WHEN 'RESPONSIBLE_FOR' THEN 'responsible'
            ELSE 'support' END AS role,
       e.as_written AS as_written,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end
ORDER BY doc, number, role
