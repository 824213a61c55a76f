// name: measure_info
// summary: A measure's heading, full text, section and document — to check it exists and to cite it.
// params: number: int, doc: str | null
MATCH (m:Measure {number: $number})
WHERE $doc IS NULL OR m.doc = $doc
MATCH (d:PolicyDocument {id: m.doc})
RETURN m.id AS measure_id, m.doc AS doc, d.title AS doc_title, m.number AS number,
       m.numeral AS numeral, m.title AS title, m.text AS text, m.section AS section,
       m.start AS start, m.end AS end
ORDER BY doc
