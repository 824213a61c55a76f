// name: compound_frame
// summary: Where a compound sits: its community, street or township, and county, with their ids.
// params: compound_id: str
MATCH (k:Entity {id: $compound_id})
WHERE k.kind = 'Area' AND k.level = 'compound'
OPTIONAL MATCH (k)-[:PART_OF]->(c:Area {level: 'community'})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Area {level: 'street'})
OPTIONAL MATCH (s)-[:PART_OF]->(y:Area {level: 'county'})
RETURN k.id AS compound_id, k.name AS compound_name, k.category AS category,
       k.households AS households, k.built_year AS built_year, k.synthetic AS synthetic,
       c.id AS community_id, c.name AS community_name,
       s.id AS street_id, s.name AS street_name, s.street_kind AS street_kind,
       y.id AS county_id, y.name AS county_name
