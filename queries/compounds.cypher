// name: compounds
// summary: Compounds whose id or name contains the text, for picking one.
// params: text: str, skip: int, limit: int
MATCH (k:Area {level: 'compound'})
WHERE k.id CONTAINS $text OR k.name CONTAINS $text
RETURN k.id AS compound_id, k.name AS compound_name, k.category AS category,
       k.households AS households, k.synthetic AS synthetic
ORDER BY compound_id
SKIP $skip LIMIT $limit
