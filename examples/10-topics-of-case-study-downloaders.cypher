// Q10. Top 10 topics among people who downloaded a case study in the last 60
// days.
// Params: $now.
MATCH (p:Person)-[e:ENGAGED {kind: "downloaded"}]->(:Content {kind: "case-study"})
WHERE e.at WITHIN 60 DAYS
WITH DISTINCT p
MATCH (p)-[:INTERESTED_IN]->(t:Topic)
RETURN t.name AS topic, count(*) AS people
ORDER BY people DESC, topic
LIMIT 10
