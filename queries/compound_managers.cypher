// name: compound_managers
// summary: The companies or service centres managing a compound on a date, with their credit standing.
// params: compound_id: str, as_of: str (YYYY-MM-DD)
MATCH (k:Entity {id: $compound_id})<-[e:MANAGES]-(co:Company)
WHERE (e.start IS NULL OR e.start <= $as_of) AND (e.end IS NULL OR e.end >= $as_of)
RETURN co.id AS company_id, co.name AS company_name, co.company_kind AS company_kind,
       co.credit_list AS credit_list, co.credit_date AS credit_date,
       e.start AS start, e.end AS end, co.synthetic AS synthetic
ORDER BY company_id
