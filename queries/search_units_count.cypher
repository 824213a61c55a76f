// name: search_units_count
// summary: How many actors the `search_units` query finds for the text (the total of its pages).
// params: text: str
MATCH (u:Entity)
WHERE u.kind IN ['PartyOrganization', 'Department', 'Committee', 'Company', 'Resident']
  AND (u.name CONTAINS $text OR toLower(coalesce(u.name_en, '')) CONTAINS toLower($text)
       OR any(a IN coalesce(u.aliases, []) WHERE a CONTAINS $text))
RETURN count(u) AS total
