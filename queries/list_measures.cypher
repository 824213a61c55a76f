// name: list_measures
// summary: Every loaded measure with its section and how many units lead, share and support it.
// params: doc: str | null
MATCH (m:Measure)
WHERE $doc IS NULL OR m.doc = $doc
OPTIONAL MATCH (u:Entity)-[e]->(m)
WHERE type(e) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
WITH m, count(CASE WHEN type(e) = 'LEADS_MEASURE' THEN 1 END) AS lead,
        count(CASE WHEN type(e) = 'RESPONSIBLE_FOR' THEN 1 END) AS responsible,
        count(CASE WHEN type(e) = 'SUPPORTS_MEASURE' THEN 1 END) AS support
RETURN m.id AS measure_id, m.doc AS doc, m.number AS number, m.title AS title,
       m.section AS section, lead, responsible, support
ORDER BY doc, number
