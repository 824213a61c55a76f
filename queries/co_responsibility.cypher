// name: co_responsibility
// summary: The co-responsibility network of the given documents: one row per pair of units sharing at least one measure, with how many they share, how many of those one of them leads, the tie weight by role (lead 2, responsible 1, support 0.5, multiplied), the measures, and the graph's generation. Read by [analytics](analytics.md).
// params: docs: list[str] | null (null = every loaded document)
// A unit's role in a measure weighs lead 2, responsible 1, support 0.5 (its
// strongest role when it is named twice); a shared measure adds the product of
// the two units' weights to their tie (docs/analytics.md). The pairs are counted
// in the store: only the pairs leave it, never the whole graph.
MATCH (a:Entity)-[ea]->(m:Measure)<-[eb]-(b:Entity)
WHERE ($docs IS NULL OR m.doc IN $docs) AND a.id < b.id
  AND type(ea) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
  AND type(eb) IN ['LEADS_MEASURE', 'RESPONSIBLE_FOR', 'SUPPORTS_MEASURE']
WITH a, b, m,
     max(CASE type(ea) WHEN 'LEADS_MEASURE' THEN 2.0 WHEN 'RESPONSIBLE_FOR' THEN 1.0 ELSE 0.5 END) AS wa,
     max(CASE type(eb) WHEN 'LEADS_MEASURE' THEN 2.0 WHEN 'RESPONSIBLE_FOR' THEN 1.0 ELSE 0.5 END) AS wb
ORDER BY m.id
WITH a, b, count(m) AS shared, sum(wa * wb) AS weight,
     count(CASE WHEN wa = 2.0 OR wb = 2.0 THEN 1 END) AS lead_ties,
     collect(m.id) AS measures
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN a.id AS a_id, a.name AS a_name, a.kind AS a_kind,
       b.id AS b_id, b.name AS b_name, b.kind AS b_kind,
       shared, lead_ties, weight, measures, g.generation AS generation
ORDER BY a_id, b_id
