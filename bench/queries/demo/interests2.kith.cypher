// Top interests among 2nd-degree connections: people at KNOWS distance exactly 2 (not
// the person, not a friend), the topics they are interested in, by how many of them.
// Parameters: $personId
MATCH (p:Person {id: $personId})-[:KNOWS]-(:Person)-[:KNOWS]-(fof:Person)
WHERE fof <> p AND NOT (p)-[:KNOWS]-(fof)
WITH DISTINCT fof
MATCH (fof)-[:INTERESTED_IN]->(t:Topic)
RETURN t.name AS topic, count(*) AS people
ORDER BY people DESC, topic ASC
LIMIT 10
