// Q9. Companies whose support tickets in the last 30 days are at least double
// those of the 30 days before (manage by exception).
// Params: $now.
MATCH (c:Company)-[:HAS_SIGNAL]->(s:Signal {kind: "support-ticket"})
WITH c,
     sum(CASE WHEN s.at WITHIN 30 DAYS THEN 1 ELSE 0 END) AS recent,
     sum(CASE WHEN s.at < datetime() - duration('P30D') AND s.at >= datetime() - duration('P60D') THEN 1 ELSE 0 END) AS before
WHERE before > 0 AND recent >= 2 * before
RETURN c.name AS company, before, recent
ORDER BY recent - before DESC, company
