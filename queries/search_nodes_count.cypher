// name: search_nodes_count
// summary: How many nodes the `search_nodes` query finds for the spellings, number and kinds (the total of its pages).
// params: texts: list[str], number: int | null, kinds: list[str] | null
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND (any(t IN $texts WHERE n.name CONTAINS t
                          OR toLower(coalesce(n.name_en, '')) CONTAINS toLower(t)
                          OR coalesce(n.full_name, '') CONTAINS t
                          OR n.id = t
                          OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS t))
       OR (n.kind = 'Measure' AND n.number = $number))
RETURN count(n) AS total
