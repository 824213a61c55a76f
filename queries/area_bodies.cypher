// name: area_bodies
// summary: The organizations serving the given areas (and a county's own government and Party committee), with their generic body type and current chair/secretary.
// params: area_ids: list[str], as_of: str (YYYY-MM-DD)
MATCH (a:Entity)
WHERE a.id IN $area_ids AND a.kind = 'Area'
MATCH (o:Entity)-[:LOCATED_IN]->(a)
WHERE o.body_type IS NOT NULL OR (o.tier = 'county' AND o.collective = false)
OPTIONAL MATCH (p:Resident)-[m:MEMBER_OF]->(o)
WHERE m.role IN ['chair', 'secretary']
  AND (m.start IS NULL OR m.start <= $as_of) AND (m.end IS NULL OR m.end >= $as_of)
WITH o, a, p, m
ORDER BY m.role, p.id
WITH o, a, collect(CASE WHEN p IS NULL THEN NULL ELSE {role: m.role, person_id: p.id, person_name: p.name, party_member: p.party_member, nominated_by: m.nominated_by} END) AS heads
RETURN a.id AS area_id, a.level AS area_level, o.id AS body_id, o.name AS body_name,
       o.kind AS body_kind, o.body_type AS body_type, o.synthetic AS synthetic, heads
ORDER BY area_level, body_type, body_id
