// name: subgraph
// summary: The edges among the given nodes (null = the whole graph), of the given types (null = any), with their properties and provenance.
// params: ids: list[str] | null, types: list[str] | null
MATCH (a:Entity)-[e]->(b:Entity)
WHERE ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND ($types IS NULL OR type(e) IN $types)
RETURN a.id AS src, type(e) AS type, b.id AS dst, e.key AS key, properties(e) AS props
ORDER BY src, type, dst, key
