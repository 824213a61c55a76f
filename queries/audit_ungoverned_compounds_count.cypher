// name: audit_ungoverned_compounds_count
// summary: How many compounds the ungoverned-compounds audit finds (the total of its pages).
// params: (none)
MATCH (k:Area {level: 'compound'})
OPTIONAL MATCH (o:Committee)-[:LOCATED_IN]->(k)
WITH k, count(CASE WHEN o.body_type IN ['committee:owners', 'committee:property-management',
                                        'committee:courtyard', 'committee:joint'] THEN 1 END) AS bodies
WHERE bodies = 0
RETURN count(k) AS total
