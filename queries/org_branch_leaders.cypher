// name: org_branch_leaders
// summary: The Party branch serving the same compound as a committee, and its current secretary.
// params: org_id: str, as_of: str (YYYY-MM-DD)
MATCH (o:Entity {id: $org_id})-[:LOCATED_IN]->(a:Area)<-[:LOCATED_IN]-(b:PartyOrganization)
WHERE b.body_type IN ['party:owners-committee-branch', 'party:temporary-branch', 'party:joint-branch']
OPTIONAL MATCH (p:Resident)-[m:MEMBER_OF {role: 'secretary'}]->(b)
WHERE (m.start IS NULL OR m.start <= $as_of) AND (m.end IS NULL OR m.end >= $as_of)
RETURN b.id AS branch_id, b.name AS branch_name, p.id AS person_id,
       m.start AS start, m.end AS end,
       m.nominated_by AS nominated_by_id
ORDER BY branch_id, person_id
