// 2-hop reach: distinct people within two KNOWS hops, the person excluded. Parameters: $personId
// (Kuzu's *1..2 follows walks, not trails: the same endpoints, so the same distinct count.)
MATCH (p:Person {id: $personId})-[:KNOWS*1..2]-(f:Person)
WHERE f.id <> p.id
RETURN count(DISTINCT f.id) AS reached
