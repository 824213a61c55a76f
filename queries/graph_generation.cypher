// name: graph_generation
// summary: The graph's generation: a random token every load writes, so that whoever keeps answers knows when they no longer hold. Null on a graph loaded before generations existed.
// params: (none)
OPTIONAL MATCH (g:GraphState {id: 'state'})
RETURN g.generation AS generation
