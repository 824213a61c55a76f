// name: place_around
// summary: What a place's drawing holds besides its chain: the nodes located in it (no residents), the companies managing it, the governing bodies located in each of its parents, and the places directly in it.
// params: area_id: str, parent_ids: list[str]
// Residents (people from registry data, not the generic role groups) are never
// returned: place_residents counts them. A parent's governing bodies are the ones
// `places` lists for it (body_type set: street office, township government,
// committees …; or a county government), not every city department.
MATCH (a:Area {id: $area_id})
OPTIONAL MATCH (o:Entity)-[:LOCATED_IN]->(a)
WHERE NOT (o.kind = 'Resident' AND coalesce(o.generic, false) = false)
// Lists are collected in id order, so both engines give the same answer.
WITH a, o ORDER BY o.id
WITH a, collect(DISTINCT o.id) AS located
OPTIONAL MATCH (co:Company)-[:MANAGES]->(a)
WITH a, located, co ORDER BY co.id
WITH a, located, collect(DISTINCT co.id) AS managers
OPTIONAL MATCH (b:Entity)-[:LOCATED_IN]->(up:Area)
WHERE up.id IN $parent_ids
  AND (b.body_type IS NOT NULL OR (b.tier = 'county' AND b.collective = false))
WITH a, located, managers, b ORDER BY b.id
WITH a, located, managers, collect(DISTINCT b.id) AS parent_bodies
OPTIONAL MATCH (c:Area)-[:PART_OF]->(a)
WITH a, located, managers, parent_bodies, c
ORDER BY coalesce(c.adcode, 'z'), c.id
RETURN located, managers, parent_bodies,
       collect(CASE WHEN c IS NULL THEN NULL ELSE {id: c.id, name: c.name, level: c.level,
               adcode: c.adcode} END) AS children
