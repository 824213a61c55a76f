// name: issue_handlers
// summary: Who handles an issue type, stage by stage (discover, report, enforce), with citations.
// params: issue: str (IssueType key such as 'fire-lane', or its Chinese name)
MATCH (i:IssueType)
WHERE i.key = $issue OR i.name = $issue
MATCH (h:Entity)-[e:HANDLES]->(i)
RETURN i.id AS issue_id, i.key AS issue_key, i.name AS issue_name, i.name_en AS issue_name_en,
       e.stage AS stage, e.action AS action, e.action_en AS action_en,
       h.id AS unit_id, h.name AS unit_name, h.kind AS unit_kind, h.name_en AS unit_name_en,
       e.source_doc AS source_doc, e.source_measure AS source_measure,
       e.source_clause AS clause, e.source_start AS start, e.source_end AS end,
       e.source_basis AS basis
ORDER BY stage, unit_id
