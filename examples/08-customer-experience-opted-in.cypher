// Q8. People interested in "customer experience" who opted in to email, and
// only those: absent or false consent never counts.
MATCH (p:Person)-[:INTERESTED_IN]->(:Topic {name: "customer experience"})
WHERE p.optInEmail = true
RETURN count(DISTINCT p) AS people, collect(DISTINCT p.name)[0..10] AS sample
