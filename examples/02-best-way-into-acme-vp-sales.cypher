// Q2. Who is the best way in to the VP Sales at Acme? The best paths to
// anyone titled like "VP Sales" who works at Acme now, only through people
// who allow intros (the asker and the target are not checked).
// Params: $me.
MATCH (me:Person {id: $me})
MATCH (t:Person)-[w:WORKS_AT]->(:Company {name: "Acme"})
WHERE w.until IS NULL AND w.title CONTAINS "VP Sales"
MATCH p = (me)-[:KNOWS*1..4]-(t)
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  AND all(n IN nodes(p)[1..-1] WHERE n.optInIntro = true)
WITH t, w, p, reduce(s = 1.0, r IN relationships(p) | s * coalesce(r.strength, 0.5)) AS score
ORDER BY score DESC, t.name
LIMIT 3
RETURN t.name AS target, w.title AS title, [n IN nodes(p) | n.name] AS path, round(score, 3) AS score
