// name: audit_ungoverned_compounds
// summary: Audit: compounds with no governing body (no 业委会, 物管委, 院委会 or joint committee serves them).
// params: skip: int, limit: int
MATCH (k:Area {level: 'compound'})
// The type test sits in the count, not in a WHERE on the OPTIONAL MATCH: FalkorDB
// runs that form much slower (docs/performance.md); Neo4j runs both alike.
OPTIONAL MATCH (o:Committee)-[:LOCATED_IN]->(k)
WITH k, count(CASE WHEN o.body_type IN ['committee:owners', 'committee:property-management',
                                        'committee:courtyard', 'committee:joint'] THEN 1 END) AS bodies
WHERE bodies = 0
RETURN k.id AS compound_id, k.name AS compound_name, k.category AS category,
       k.households AS households, k.synthetic AS synthetic
ORDER BY compound_id
SKIP $skip LIMIT $limit
