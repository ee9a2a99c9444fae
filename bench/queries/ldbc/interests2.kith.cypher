// Top interests among 2nd-degree connections: people at KNOWS distance exactly 2 (not
// the person, not a friend), the tags they are interested in, by how many of them.
// Parameters: $personId
MATCH (p:Person {id: $personId})-[:KNOWS]-(:Person)-[:KNOWS]-(fof:Person)
WHERE fof <> p AND NOT (p)-[:KNOWS]-(fof)
WITH DISTINCT fof
MATCH (fof)-[:HAS_INTEREST]->(t:Tag)
RETURN t.name AS interest, count(*) AS people
ORDER BY people DESC, interest ASC
LIMIT 10
