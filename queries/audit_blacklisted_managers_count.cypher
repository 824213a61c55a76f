// name: audit_blacklisted_managers_count
// summary: How many rows the black-listed-managers audit finds on a date (the total of its pages).
// params: as_of: str (YYYY-MM-DD)
MATCH (co:Company {credit_list: 'black'})-[e:MANAGES]->(k:Area)
WHERE co.credit_date <= $as_of
  AND (e.start IS NULL OR e.start <= $as_of) AND (e.end IS NULL OR e.end >= $as_of)
RETURN count(*) AS total
