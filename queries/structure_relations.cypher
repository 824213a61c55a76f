// name: structure_relations
// summary: The standing structure around a body: who leads, guides, supervises, heads, nominates or sits on it, and what it does to others.
// params: unit_id: str
MATCH (a:Entity {id: $unit_id})-[e]-(b:Entity)
WHERE type(e) IN ['LEADS', 'GUIDES', 'SUPERVISES', 'HEADS', 'NOMINATES', 'MEMBER_OF', 'PART_OF',
                  'MANAGES', 'INCLUDES']
RETURN type(e) AS relation, startNode(e).id = a.id AS outgoing,
       b.id AS other_id, b.name AS other_name, b.kind AS other_kind, b.name_en AS other_name_en,
       e.role AS role, e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis
ORDER BY relation, outgoing DESC, other_id
