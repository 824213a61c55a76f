// name: find_unit
// summary: Actors whose name, full name or alias is exactly one of the given spellings.
// params: names: list[str]
MATCH (u:Entity)
WHERE u.kind IN ['PartyOrganization', 'Department', 'Committee', 'Company', 'Resident']
  AND (u.name IN $names OR u.full_name IN $names
       OR any(a IN coalesce(u.aliases, []) WHERE a IN $names))
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.name_en AS unit_name_en,
       u.collective AS collective
ORDER BY unit_id
