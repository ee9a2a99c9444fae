// Q4. Who in my network used to work at Globex (former colleagues), and who
// of them still knows someone there now?
// Params: $me.
MATCH (me:Person {id: $me})-[:KNOWS]-(p:Person)-[w:WORKS_AT]->(g:Company {name: "Globex"})
WHERE w.until IS NOT NULL
OPTIONAL MATCH (p)-[:KNOWS]-(insider:Person)-[now:WORKS_AT]->(g)
WHERE now.until IS NULL
RETURN p.name AS alumnus, w.until AS leftGlobex, collect(DISTINCT insider.name) AS stillKnows
ORDER BY alumnus
