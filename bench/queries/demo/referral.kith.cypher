// Job referral: friends and friends of friends who work now (no `until`) at a company
// based in the given country, with the company. Parameters: $personId, $country
MATCH (p:Person {id: $personId})-[:KNOWS*1..2]-(f:Person)
WHERE f <> p
WITH DISTINCT f
MATCH (f)-[w:WORKS_AT]->(c:Company {country: $country})
WHERE w.until IS NULL
RETURN c.name AS company, f.id AS personId, f.name AS name
ORDER BY company, personId
LIMIT 20
