// Q12. Which webinar attendees work at customers whose renewal is due in the
// next 90 days and whose NPS signal was below 7?
// Params: $now.
MATCH (p:Person)-[:ATTENDED]->(e:Event {kind: "webinar"})
MATCH (p)-[w:WORKS_AT]->(c:Company)-[:CUSTOMER_OF]->(:Company)
WHERE w.until IS NULL
  AND EXISTS {
    MATCH (c)-[:HAS_SIGNAL]->(r:Signal {kind: "renewal"})
    WHERE r.at >= datetime() AND r.at <= datetime() + duration('P90D')
  }
  AND EXISTS { MATCH (c)-[:HAS_SIGNAL]->(n:Signal {kind: "nps"}) WHERE n.value < 7 }
RETURN DISTINCT p.name AS person, c.name AS company, e.name AS webinar
ORDER BY company, person
