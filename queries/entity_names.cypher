// name: entity_names
// summary: Name and kind of each given id (to label references such as who nominated whom).
// params: ids: list[str]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, n.name AS name, n.kind AS kind, n.name_en AS name_en
ORDER BY id
