// name: audit_blacklisted_managers
// summary: Audit: black-listed companies still managing compounds on a date (measure 11).
// params: as_of: str (YYYY-MM-DD), skip: int, limit: int
MATCH (co:Company {credit_list: 'black'})-[e:MANAGES]->(k:Area)
WHERE co.credit_date <= $as_of
  AND (e.start IS NULL OR e.start <= $as_of) AND (e.end IS NULL OR e.end >= $as_of)
RETURN co.id AS company_id, co.name AS company_name, co.credit_date AS listed_on,
       k.id AS compound_id, k.name AS compound_name, co.synthetic AS synthetic
ORDER BY company_id, compound_id
SKIP $skip LIMIT $limit
