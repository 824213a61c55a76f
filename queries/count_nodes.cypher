// name: count_nodes
// summary: How many nodes of each kind the graph holds.
// params: (none)
MATCH (n:Entity)
RETURN n.kind AS kind, count(n) AS count
ORDER BY kind
