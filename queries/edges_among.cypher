// name: edges_among
// summary: The edges among the given nodes, of the given types, with their properties: the rows `subgraph` gives, found from the given ids through the Entity.id index, so the cost follows the nodes asked for, not the size of the city. Kept for callers that have ids; analytics now takes a place's PART_OF ties from `place_frame`.
// params: ids: list[str], types: list[str] | null
// subgraph with ids filters every edge of the graph; this one starts from each
// given id through the Entity.id index, so its cost follows the nodes asked for,
// not the size of the city (a compound's brokers read their PART_OF ties with it).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[e]->(b:Entity)
WHERE b.id IN $ids AND ($types IS NULL OR type(e) IN $types)
RETURN a.id AS src, type(e) AS type, b.id AS dst, e.key AS key, properties(e) AS props
ORDER BY src, type, dst, key
