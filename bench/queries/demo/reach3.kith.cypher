// 3-hop reach: distinct people within three KNOWS hops, the person excluded. Parameters: $personId
MATCH (p:Person {id: $personId})-[:KNOWS*1..3]-(f:Person)
WHERE f <> p
RETURN count(DISTINCT f) AS reached
