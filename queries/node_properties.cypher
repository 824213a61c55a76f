// name: node_properties
// summary: Nodes by id (null = every node), optionally only of the given kinds, with all their properties — for details panels and exports.
// params: ids: list[str] | null, kinds: list[str] | null
MATCH (n:Entity)
WHERE ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id, n.kind AS kind, properties(n) AS props
ORDER BY id
