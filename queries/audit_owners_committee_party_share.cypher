// name: audit_owners_committee_party_share
// summary: Audit: 业委会 whose current members are not more than half Party members (measure 2 asks for a majority).
// params: as_of: str (YYYY-MM-DD), skip: int, limit: int
MATCH (p:Resident)-[m:MEMBER_OF]->(o:Committee {body_type: 'committee:owners'})
WHERE (m.start IS NULL OR m.start <= $as_of) AND (m.end IS NULL OR m.end >= $as_of)
WITH o, count(DISTINCT p) AS members,
     count(DISTINCT CASE WHEN p.party_member THEN p.id END) AS party_members
WHERE party_members * 2 <= members
RETURN o.id AS org_id, o.name AS org_name, members, party_members, o.synthetic AS synthetic
ORDER BY org_id
SKIP $skip LIMIT $limit
