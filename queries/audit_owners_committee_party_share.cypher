// name: audit_owners_committee_party_share
// summary: Audit input: each 业委会 with the opaque ids of its current members (Party membership is not in the graph; `compounds.party_share` counts it from the personal store and keeps those not more than half Party members).
// params: as_of: str (YYYY-MM-DD)
MATCH (p:Resident)-[m:MEMBER_OF]->(o:Committee {body_type: 'committee:owners'})
WHERE (m.start IS NULL OR m.start <= $as_of) AND (m.end IS NULL OR m.end >= $as_of)
WITH o, p
ORDER BY p.id
WITH o, collect(DISTINCT p.id) AS member_ids
RETURN o.id AS org_id, o.name AS org_name, size(member_ids) AS members, member_ids,
       o.synthetic AS synthetic
ORDER BY org_id
