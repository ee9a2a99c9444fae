// Warm-intro path: the length of a shortest KNOWS path between two people; no row when
// they are not connected. SHORTEST 1..30 stands for an unbounded shortest path.
// Parameters: $person1Id, $person2Id
MATCH (a:Person {id: $person1Id})-[p:KNOWS* SHORTEST 1..30]-(b:Person {id: $person2Id})
RETURN length(p) AS hops
