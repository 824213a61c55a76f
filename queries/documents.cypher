// name: documents
// summary: The policy documents loaded, with their measure counts.
// params: (none)
MATCH (d:PolicyDocument)
OPTIONAL MATCH (m:Measure {doc: d.id})
RETURN d.id AS doc, d.title AS title, d.date AS date, d.issuer AS issuer, count(m) AS measures
ORDER BY date, doc
