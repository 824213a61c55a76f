// name: neighbourhood
// summary: One ring around the given nodes: the nodes one edge away, through edges of the given types, whose kind is one of the given kinds (null = any).
// params: ids: list[str], kinds: list[str] | null, types: list[str] | null
MATCH (a:Entity)-[e]-(b:Entity)
WHERE a.id IN $ids
  AND NOT b.id IN $ids
  AND ($types IS NULL OR type(e) IN $types)
  AND ($kinds IS NULL OR b.kind IN $kinds)
RETURN DISTINCT b.id AS id, b.kind AS kind
ORDER BY id
