// name: place_residents
// summary: How many residents live in each of the given places, counting those in the places inside them (how many, never who).
// params: ids: list[str]
// A resident is a person from registry data (LIVES_IN a compound), not one of
// the standing structure's generic role groups (业主, 网格员 …).
MATCH (a:Area)
WHERE a.id IN $ids
OPTIONAL MATCH (p:Resident)-[:LIVES_IN]->(:Area)-[:PART_OF*0..5]->(a)
WHERE coalesce(p.generic, false) = false
RETURN a.id AS area_id, count(DISTINCT p) AS residents
ORDER BY area_id
