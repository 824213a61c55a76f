// name: count_edges
// summary: How many edges of each type the graph holds.
// params: (none)
MATCH ()-[e]->()
RETURN type(e) AS type, count(e) AS count
ORDER BY type
