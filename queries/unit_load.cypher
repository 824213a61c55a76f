// name: unit_load
// summary: Responsibility load per unit: how many measures it leads, co-owns and supports.
// params: doc: str | null
MATCH (u:Entity)-[e]->(m:Measure)
WHERE ($doc IS NULL OR m.doc = $doc)
  AND type(e) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
WITH u, sum(CASE type(e) WHEN 'LEADS_MEASURE' THEN 1 ELSE 0 END) AS lead,
        sum(CASE type(e) WHEN 'RESPONSIBLE_FOR' THEN 1 ELSE 0 END) AS responsible,
        sum(CASE type(e) WHEN 'SUPPORTS_MEASURE' THEN 1 ELSE 0 END) AS support
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       lead, responsible, support, lead + responsible + support AS total
ORDER BY total DESC, lead DESC, unit_name
