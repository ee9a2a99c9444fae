// Q13. A saved question apps call with parameters: the warmest intro paths
// from $me to anyone currently at $company, through people who allow intros.
// Define it once; then `ASK warm_intros(1, "Acme")`, or over HTTP:
//   curl -s -H "Authorization: Bearer $TOKEN" -d '{"params": {"me": 1, "company": "Acme"}}' \
//        http://127.0.0.1:7474/v1/questions/warm_intros
DEFINE QUESTION warm_intros($me, $company) AS
MATCH (me:Person {id: $me})
MATCH (t:Person)-[w:WORKS_AT]->(:Company {name: $company})
WHERE w.until IS NULL AND t <> me
MATCH p = (me)-[:KNOWS*1..3]-(t)
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  AND all(n IN nodes(p)[1..-1] WHERE n.optInIntro = true)
WITH t, w, p, reduce(s = 1.0, r IN relationships(p) | s * coalesce(r.strength, 0.5)) AS score
RETURN t.name AS target, w.title AS title, p AS path, round(score, 3) AS score
ORDER BY score DESC, target
LIMIT 5
