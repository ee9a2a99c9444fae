// IC13 single shortest path length; -1 when unconnected. KNOWS* SHORTEST 1..30 stands for
// the unbounded shortestPath (SF0.1's KNOWS graph has a far smaller diameter).
MATCH (person1:Person {id: $person1Id}), (person2:Person {id: $person2Id})
OPTIONAL MATCH (person1)-[path:KNOWS* SHORTEST 1..30]-(person2)
RETURN CASE WHEN path IS NULL THEN -1 ELSE length(path) END AS shortestPathLength
