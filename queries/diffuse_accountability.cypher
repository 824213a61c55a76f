// name: diffuse_accountability
// summary: Measures whose accountability is diffuse: at least $min_responsible co-responsible units and at most one lead.
// params: min_responsible: int, doc: str | null
MATCH (m:Measure)
WHERE $doc IS NULL OR m.doc = $doc
OPTIONAL MATCH (l:Entity)-[:LEADS_MEASURE]->(m)
WITH m, count(DISTINCT l) AS leads
OPTIONAL MATCH (r:Entity)-[:RESPONSIBLE_FOR]->(m)
WITH m, leads, count(DISTINCT r) AS responsible
WHERE responsible >= $min_responsible AND leads <= 1
RETURN m.id AS measure_id, m.doc AS doc, m.number AS number, m.title AS title,
       leads, responsible
ORDER BY responsible DESC, doc, number
