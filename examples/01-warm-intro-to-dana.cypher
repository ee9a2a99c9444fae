// Q1. Who can introduce me to Dana Lee? The 3 warmest paths from me to her,
// at most 4 hops, no person twice (score = product of the KNOWS strengths, a
// missing strength counting 0.5), one row per hop with why it is strong:
// strength, last contact, interactions and any shared employer.
// Params: $me (Person id).
MATCH (me:Person {id: $me}), (dana:Person {name: "Dana Lee"})
MATCH p = (me)-[:KNOWS*1..4]-(dana)
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, reduce(s = 1.0, r IN relationships(p) | s * coalesce(r.strength, 0.5)) AS score
ORDER BY score DESC
LIMIT 3
UNWIND range(0, length(p) - 1) AS i
WITH p, score, i, nodes(p)[i] AS a, nodes(p)[i + 1] AS b, relationships(p)[i] AS k
OPTIONAL MATCH (a)-[:WORKS_AT]->(c:Company)<-[:WORKS_AT]-(b)
WITH p, score, i, a, b, k, collect(DISTINCT c.name) AS shared
RETURN [n IN nodes(p) | n.name] AS path, round(score, 3) AS score, i + 1 AS hop,
       a.name AS from, b.name AS to, k.strength AS strength,
       k.lastContact AS lastContact, k.interactions AS interactions, shared AS sharedEmployers
ORDER BY score DESC, path, hop
