// name: compound_place
// summary: A compound in one read: its community, street and county, the bodies located in each with their heads on the date, the companies managing it on the date, and the graph's generation.
// params: compound_id: str, as_of: str (YYYY-MM-DD)
// One query instead of three (frame, area_bodies, compound_managers): an answer
// about a place then costs one round trip, and the generation read here tells the
// caller whether what it cached from the notice still holds.
MATCH (k:Entity {id: $compound_id})
WHERE k.kind = 'Area' AND k.level = 'compound'
OPTIONAL MATCH (k)-[:PART_OF]->(c:Area {level: 'community'})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Area {level: 'street'})
OPTIONAL MATCH (s)-[:PART_OF]->(y:Area {level: 'county'})
OPTIONAL MATCH (k)<-[e:MANAGES]-(co:Company)
WHERE (e.start IS NULL OR e.start <= $as_of) AND (e.end IS NULL OR e.end >= $as_of)
WITH k, c, s, y, co, e
ORDER BY co.id
WITH k, c, s, y,
     collect(CASE WHEN co IS NULL THEN NULL ELSE {company_id: co.id, company_name: co.name,
             company_kind: co.company_kind, credit_list: co.credit_list,
             credit_date: co.credit_date, start: e.start, end: e.end,
             synthetic: co.synthetic} END) AS managers
UNWIND [x IN [k, c, s, y] WHERE x IS NOT NULL] AS a
OPTIONAL MATCH (o:Entity)-[:LOCATED_IN]->(a)
WHERE o.body_type IS NOT NULL OR (o.tier = 'county' AND o.collective = false)
OPTIONAL MATCH (p:Resident)-[m:MEMBER_OF]->(o)
WHERE m.role IN ['chair', 'secretary']
  AND (m.start IS NULL OR m.start <= $as_of) AND (m.end IS NULL OR m.end >= $as_of)
WITH k, c, s, y, managers, a, o, p, m
ORDER BY m.role, p.id
WITH k, c, s, y, managers, a, o,
     collect(CASE WHEN p IS NULL THEN NULL ELSE {role: m.role, person_id: p.id,
             nominated_by: m.nominated_by} END) AS heads
ORDER BY a.level, o.body_type, o.id
WITH k, c, s, y, managers,
     collect(CASE WHEN o IS NULL THEN NULL ELSE {area_id: a.id, area_level: a.level,
             body_id: o.id, body_name: o.name, body_kind: o.kind, body_type: o.body_type,
             adcode: o.adcode, synthetic: o.synthetic, heads: heads} END) AS bodies
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN k.id AS compound_id, k.name AS compound_name, k.category AS category,
       k.households AS households, k.built_year AS built_year, k.synthetic AS synthetic,
       c.id AS community_id, c.name AS community_name, c.adcode AS community_adcode,
       s.id AS street_id, s.name AS street_name, s.street_kind AS street_kind,
       s.adcode AS street_adcode, y.id AS county_id, y.name AS county_name,
       y.adcode AS county_adcode,
       managers, bodies, g.generation AS generation
