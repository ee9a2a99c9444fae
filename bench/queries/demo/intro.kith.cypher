// Warm-intro path: the length of a shortest KNOWS path between two people (several
// shortest paths may exist, so the length is what both engines must agree on); no row
// when they are not connected. Parameters: $person1Id, $person2Id
MATCH p = shortestPath((a:Person {id: $person1Id})-[:KNOWS*]-(b:Person {id: $person2Id}))
RETURN length(p) AS hops
