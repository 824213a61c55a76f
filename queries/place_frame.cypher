// name: place_frame
// summary: A place (county, street, community or compound), the areas in it and its parents up to its county: each area with its parent, its governing bodies (and the organizations each is part of) and, for a compound, its managers on the date; one row per area. Found from the place's id, walking PART_OF at most three levels down: the cost follows the place, not the city's residents. Read by [analytics](analytics.md) (a place's hierarchy and brokers, a compound's brokers).
// params: area_id: str, as_of: str (YYYY-MM-DD)
// The place-level analytics (a street's or county's hierarchy and brokers,
// queries/analytics.py) read only this: the match starts from the place's id
// through the Area.id index and walks PART_OF up (at most to its county) and down
// (at most three levels: county > street > community > compound), so its cost
// follows the place's areas and bodies, never the city's residents (residents
// LIVE_IN compounds and are not LOCATED_IN them). A city or province gives its own
// row only: the caller refuses it (that would be the whole graph).
MATCH (top:Area {id: $area_id})
OPTIONAL MATCH (top)-[:PART_OF*1..3]->(up:Area)
WHERE up.level IN ['community', 'street', 'county']
WITH top, collect(DISTINCT up) AS ups
OPTIONAL MATCH (down:Area)-[:PART_OF*1..3]->(top)
WHERE top.level IN ['county', 'street', 'community']
  AND down.level IN ['street', 'community', 'compound']
WITH top, ups, collect(DISTINCT down) AS downs
UNWIND [top] + ups + downs AS a
WITH DISTINCT a
OPTIONAL MATCH (a)-[:PART_OF]->(p:Area)
WITH a, min(p.id) AS parent_id
OPTIONAL MATCH (co:Company)-[e:MANAGES]->(a)
WHERE (e.start IS NULL OR e.start <= $as_of) AND (e.end IS NULL OR e.end >= $as_of)
WITH a, parent_id, co
ORDER BY co.id
WITH a, parent_id,
     collect(CASE WHEN co IS NULL THEN NULL ELSE {company_id: co.id, company_name: co.name,
             company_kind: co.company_kind} END) AS managers
OPTIONAL MATCH (o:Entity)-[:LOCATED_IN]->(a)
WHERE o.body_type IS NOT NULL OR (o.tier = 'county' AND o.collective = false)
OPTIONAL MATCH (o)-[:PART_OF]->(q:Entity)
WHERE q.kind <> 'Area'
WITH a, parent_id, managers, o, q
ORDER BY q.id
WITH a, parent_id, managers, o, collect(q.id) AS part_of
ORDER BY o.id
WITH a, parent_id, managers,
     collect(CASE WHEN o IS NULL THEN NULL ELSE {body_id: o.id, body_name: o.name,
             body_kind: o.kind, body_type: o.body_type, part_of: part_of} END) AS bodies
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN a.id AS area_id, a.name AS area_name, a.level AS level, parent_id, bodies, managers,
       g.generation AS generation
ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2
                      WHEN 'street' THEN 3 WHEN 'community' THEN 4 WHEN 'compound' THEN 5
                      ELSE 6 END, area_id
