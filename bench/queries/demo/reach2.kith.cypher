// 2-hop reach: distinct people within two KNOWS hops, the person excluded. Parameters: $personId
MATCH (p:Person {id: $personId})-[:KNOWS*1..2]-(f:Person)
WHERE f <> p
RETURN count(DISTINCT f) AS reached
