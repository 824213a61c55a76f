// name: places
// summary: Areas whose name, adcode or id, or the name of a body located in them, contains the text: each with its adcode, level and kind, those bodies, and its chain of parents up to the city.
// params: text: str, skip: int, limit: int
// The bodies are a place's governing ones (body_type set: street office, township
// government, committees …; or a county government). Exact names and codes come
// first, then from the city down (county, street, community, compound, building),
// then by code (real places) and id.
MATCH (a:Area)
WITH a, [(o:Entity)-[:LOCATED_IN]->(a)
         WHERE o.body_type IS NOT NULL OR (o.tier = 'county' AND o.collective = false)
         | o.name] AS names
WHERE a.name CONTAINS $text OR a.id = $text OR coalesce(a.adcode, '') STARTS WITH $text
   OR any(n IN names WHERE n CONTAINS $text)
OPTIONAL MATCH (o:Entity)-[:LOCATED_IN]->(a)
WHERE o.body_type IS NOT NULL OR (o.tier = 'county' AND o.collective = false)
WITH a, o
ORDER BY o.id
WITH a, collect(CASE WHEN o IS NULL THEN NULL ELSE {id: o.id, name: o.name, kind: o.kind,
                body_type: o.body_type, adcode: o.adcode, synthetic: o.synthetic} END) AS bodies
OPTIONAL MATCH p = (a)-[:PART_OF*1..6]->(up:Area)
WITH a, bodies, up, length(p) AS depth
ORDER BY depth
WITH a, bodies,
     collect(CASE WHEN up IS NULL THEN NULL ELSE {id: up.id, name: up.name, level: up.level,
             adcode: up.adcode} END) AS chain
WITH a, bodies, chain,
     CASE WHEN a.name = $text OR a.adcode = $text OR a.id = $text
               OR any(b IN bodies WHERE b.name = $text) THEN 0 ELSE 1 END AS rank,
     CASE a.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2
                  WHEN 'street' THEN 3 WHEN 'community' THEN 4 WHEN 'compound' THEN 5
                  ELSE 6 END AS level_order
RETURN a.id AS area_id, a.name AS name, a.level AS level,
       coalesce(a.street_kind, a.community_kind, a.category, a.level) AS kind, a.adcode AS adcode,
       a.synthetic AS synthetic, bodies, chain
ORDER BY rank, level_order, coalesce(a.adcode, 'z'), area_id
SKIP $skip LIMIT $limit
