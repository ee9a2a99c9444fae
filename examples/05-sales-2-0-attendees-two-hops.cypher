// Q5. Which people attended the "Sales 2.0" conference and are 2 hops from me
// (a friend of a friend, not a direct connection)?
// Params: $me.
MATCH (me:Person {id: $me})-[:KNOWS]-(via:Person)-[:KNOWS]-(p:Person)-[:ATTENDED]->(:Event {name: "Sales 2.0"})
WHERE p <> me AND NOT (me)-[:KNOWS]-(p)
RETURN p.name AS attendee, collect(DISTINCT via.name) AS via
ORDER BY attendee
