// name: who_is_responsible
// summary: Every unit answerable for a measure — lead, responsible and supporting — with citations.
// params: number: int, doc: str | null
// A measure with no such unit still gives one row (its unit columns null): one
// round trip tells an unknown measure from a measure nobody is named for.
MATCH (m:Measure {number: $number})
WHERE $doc IS NULL OR m.doc = $doc
OPTIONAL MATCH (u:Entity)-[e]->(m)
WHERE type(e) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
RETURN m.id AS measure_id, m.doc AS doc, m.number AS number, m.title AS title,
       u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       CASE type(e) WHEN 'LEADS_MEASURE' THEN 'lead' WHEN 'RESPONSIBLE_FOR' THEN 'responsible'
            ELSE 'support' END AS role,
       e.as_written AS as_written,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end
ORDER BY doc, number, e.name_start
