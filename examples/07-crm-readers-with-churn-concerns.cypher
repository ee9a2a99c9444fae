// Q7. Connections at companies reading CRM papers with churn concerns: people
// known to me who work at a company where someone engaged with content about
// "CRM" and that has a churn-risk signal in the last 90 days. Marketing
// reaches only people who opted in to email, so every person matched besides
// me must have optInEmail = true.
// Params: $me, $now.
MATCH (me:Person {id: $me})-[:KNOWS]-(p:Person)-[w:WORKS_AT]->(c:Company)
WHERE w.until IS NULL AND p.optInEmail = true
  AND EXISTS {
    MATCH (c)<-[w2:WORKS_AT]-(reader:Person)-[:ENGAGED]->(:Content)-[:ABOUT]->(:Topic {name: "CRM"})
    WHERE w2.until IS NULL AND reader.optInEmail = true
  }
  AND EXISTS {
    MATCH (c)-[:HAS_SIGNAL]->(s:Signal {kind: "churn-risk"})
    WHERE s.at WITHIN 90 DAYS
  }
RETURN p.name AS person, p.email AS email, c.name AS company
ORDER BY company, person
