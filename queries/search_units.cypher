// name: search_units
// summary: Actors whose name, English name or an alias contains the text, for search boxes.
// params: text: str, skip: int, limit: int
MATCH (u:Entity)
WHERE u.kind IN ['PartyOrganization', 'Department', 'Committee', 'Company', 'Resident']
  AND (u.name CONTAINS $text OR toLower(coalesce(u.name_en, '')) CONTAINS toLower($text)
       OR any(a IN coalesce(u.aliases, []) WHERE a CONTAINS $text))
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en
ORDER BY size(u.name), unit_id
SKIP $skip LIMIT $limit
