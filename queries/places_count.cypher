// name: places_count
// summary: How many areas the `places` query finds for the text (the total of its pages).
// params: text: str
// The same match as places.cypher, without what each row carries.
MATCH (a:Area)
WITH a, [(o:Entity)-[:LOCATED_IN]->(a)
         WHERE o.body_type IS NOT NULL OR (o.tier = 'county' AND o.collective = false)
         | o.name] AS names
WHERE a.name CONTAINS $text OR a.id = $text OR coalesce(a.adcode, '') STARTS WITH $text
   OR any(n IN names WHERE n CONTAINS $text)
RETURN count(a) AS total
