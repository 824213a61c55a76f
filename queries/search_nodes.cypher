// name: search_nodes
// summary: Nodes of any kind (units, measures, committees, places, issue types…) whose name, English name, full name, alias or id contains one of the spellings, or a measure with the given number; exact matches first.
// params: texts: list[str], number: int | null, kinds: list[str] | null, skip: int, limit: int
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND (any(t IN $texts WHERE n.name CONTAINS t
                          OR toLower(coalesce(n.name_en, '')) CONTAINS toLower(t)
                          OR coalesce(n.full_name, '') CONTAINS t
                          OR n.id = t
                          OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS t))
       OR (n.kind = 'Measure' AND n.number = $number))
WITH n, CASE WHEN any(t IN $texts WHERE n.name = t OR n.id = t OR coalesce(n.full_name, '') = t
                                      OR t IN coalesce(n.aliases, []))
                   OR (n.kind = 'Measure' AND n.number = $number) THEN 0 ELSE 1 END AS rank
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.name_en AS name_en, n.number AS number,
       n.doc AS doc, rank,
       n.kind = 'Resident' AND coalesce(n.generic, false) = false AS person
ORDER BY rank, size(n.name), id
SKIP $skip LIMIT $limit
