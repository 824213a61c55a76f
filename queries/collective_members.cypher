// name: collective_members
// summary: The bodies a collective actor (e.g. 各县〔区〕人民政府〔管委会〕) stands for, with their areas.
// params: unit_id: str
MATCH (c:Entity {id: $unit_id})-[:INCLUDES]->(u:Entity)
OPTIONAL MATCH (u)-[:LOCATED_IN]->(a:Area)
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       a.name AS area
ORDER BY unit_id
