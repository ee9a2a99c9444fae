// 1-hop reach: how many people a person knows directly. Parameters: $personId
MATCH (p:Person {id: $personId})-[:KNOWS]-(f:Person)
RETURN count(DISTINCT f.id) AS reached
