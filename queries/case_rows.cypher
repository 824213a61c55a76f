// name: case_rows
// summary: Cases opened on or before a date, each with its compound, community, street and county, the governing-body types at its compound, and its steps in order (level, action, dates, the body that took it, the registry row each cites). Read by [cases](cases.md).
// params: as_of: str (YYYY-MM-DD), within: str | null (an area id: only cases in it), case_id: str | null (only this case)
MATCH (k:Case)-[:OPENED_IN]->(p:Area)
WHERE k.opened <= $as_of AND ($case_id IS NULL OR k.id = $case_id)
OPTIONAL MATCH (p)-[:PART_OF]->(c:Area {level: 'community'})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Area {level: 'street'})
OPTIONAL MATCH (s)-[:PART_OF]->(y:Area {level: 'county'})
WITH k, p, c, s, y
WHERE $within IS NULL OR $within IN [p.id, c.id, s.id, y.id]
OPTIONAL MATCH (k)-[:HAS_STEP]->(st:CaseStep)
OPTIONAL MATCH (st)-[:TAKEN_BY]->(b:Entity)
WITH k, p, c, s, y, st, b
ORDER BY st.order
WITH k, p, c, s, y,
     collect(CASE WHEN st IS NULL THEN NULL ELSE {order: st.order, level: st.level,
             action: st.action, start: st.start, end: st.end, body_id: b.id, body_name: b.name,
             body_kind: b.kind, registry: st.registry, registry_file: st.registry_file,
             registry_line: st.registry_line, registry_entry: st.registry_entry} END) AS steps
OPTIONAL MATCH (g:Entity)-[:LOCATED_IN]->(p)
WHERE g.body_type IS NOT NULL
WITH k, p, c, s, y, steps, g
ORDER BY g.body_type
WITH k, p, c, s, y, steps, collect(DISTINCT g.body_type) AS body_types
RETURN k.id AS case_id, k.issue AS issue, k.issue_text AS issue_text, k.channel AS channel,
       k.opened AS opened, k.closed AS closed, k.due AS due, k.outcome AS outcome,
       k.resolved_level AS resolved_level, k.synthetic AS synthetic, k.registry AS registry,
       k.registry_file AS registry_file, k.registry_line AS registry_line,
       k.registry_entry AS registry_entry,
       p.id AS compound_id, p.name AS compound_name, c.id AS community_id,
       c.name AS community_name, s.id AS street_id, s.name AS street_name,
       y.id AS county_id, y.name AS county_name, body_types, steps
ORDER BY opened, case_id
