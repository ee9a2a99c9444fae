// Q3. Which of my 1st- and 2nd-degree connections work at accounts that show
// a churn-risk signal in the last 30 days?
// Params: $me, $now (fixes the window; e.g. 2026-11-01T00:00:00Z).
MATCH (me:Person {id: $me})-[:KNOWS*1..2]-(p:Person)
WHERE p <> me
WITH DISTINCT me, p
MATCH (p)-[w:WORKS_AT]->(c:Company)-[:HAS_SIGNAL]->(s:Signal {kind: "churn-risk"})
WHERE w.until IS NULL AND s.at WITHIN 30 DAYS
RETURN p.name AS person, CASE WHEN (me)-[:KNOWS]-(p) THEN 1 ELSE 2 END AS degree,
       c.name AS account, max(s.at) AS latestSignal
ORDER BY degree, account, person
