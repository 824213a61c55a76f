// name: org_leaders
// summary: Who chairs and who is Party secretary of an organization on a date (opaque person ids; names are in the personal store, see [security.md](security.md)), and the id of who nominated them.
// params: org_id: str, as_of: str (YYYY-MM-DD)
MATCH (o:Entity {id: $org_id})
OPTIONAL MATCH (p:Resident)-[m:MEMBER_OF]->(o)
WHERE m.role IN ['chair', 'secretary', 'first_secretary', 'deputy']
  AND (m.start IS NULL OR m.start <= $as_of) AND (m.end IS NULL OR m.end >= $as_of)
RETURN o.id AS org_id, o.name AS org_name, o.kind AS org_kind, o.body_type AS body_type,
       m.role AS role, p.id AS person_id,
       m.start AS start, m.end AS end, m.nominated_by AS nominated_by_id
ORDER BY role, person_id
