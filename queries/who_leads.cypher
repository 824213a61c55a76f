// name: who_leads
// summary: The lead units (牵头单位) of a measure, each with the clause that names it.
// params: number: int, doc: str | null (null = every loaded document)
// A measure with no such unit still gives one row (its unit columns null): one
// round trip tells an unknown measure from a measure nobody is named for.
MATCH (m:Measure {number: $number})
WHERE $doc IS NULL OR m.doc = $doc
OPTIONAL MATCH (u:Entity)-[e:LEADS_MEASURE]->(m)
RETURN m.id AS measure_id, m.doc AS doc, m.number AS number, m.title AS title,
       u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       'lead' AS role, e.as_written AS as_written,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end
ORDER BY doc, number, e.name_start
