// name: document_overlap
// summary: Where two documents give duties to the same units: one row per pair of measures (one from each document) sharing at least one unit, with the shared units, both lead lists and whether the leads differ.
// params: doc_a: str, doc_b: str
MATCH (u:Entity)-[ea]->(ma:Measure {doc: $doc_a})
WHERE type(ea) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
MATCH (u)-[eb]->(mb:Measure {doc: $doc_b})
WHERE type(eb) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
WITH DISTINCT ma, mb, u
ORDER BY u.id
WITH ma, mb, collect(u.id) AS shared_unit_ids, collect(u.name) AS shared_units
OPTIONAL MATCH (la:Entity)-[:LEADS_MEASURE]->(ma)
WITH ma, mb, shared_unit_ids, shared_units, la
ORDER BY la.id
WITH ma, mb, shared_unit_ids, shared_units, collect(la.id) AS lead_ids_a, collect(la.name) AS leads_a
OPTIONAL MATCH (lb:Entity)-[:LEADS_MEASURE]->(mb)
WITH ma, mb, shared_unit_ids, shared_units, lead_ids_a, leads_a, lb
ORDER BY lb.id
WITH ma, mb, shared_unit_ids, shared_units, lead_ids_a, leads_a,
     collect(lb.id) AS lead_ids_b, collect(lb.name) AS leads_b
RETURN ma.id AS measure_a_id, ma.number AS measure_a, ma.title AS title_a,
       mb.id AS measure_b_id, mb.number AS measure_b, mb.title AS title_b,
       shared_unit_ids, shared_units, leads_a, leads_b,
       lead_ids_a <> lead_ids_b AS leads_differ
ORDER BY measure_a, measure_b
