// name: issue_types
// summary: The issue types the graph knows how to route.
// params: (none)
MATCH (i:IssueType)
RETURN i.key AS issue_key, i.name AS issue_name, i.name_en AS issue_name_en
ORDER BY issue_key
