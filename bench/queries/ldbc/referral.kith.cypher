// Job referral: friends and friends of friends who work at a company located in the
// given country, with the company. Parameters: $personId, $country
MATCH (p:Person {id: $personId})-[:KNOWS*1..2]-(f:Person)
WHERE f <> p
WITH DISTINCT f
MATCH (f)-[:WORK_AT]->(c:Company)-[:IS_LOCATED_IN]->(:Country {name: $country})
RETURN c.name AS company, f.id AS personId, f.firstName AS firstName, f.lastName AS lastName
ORDER BY company, personId
LIMIT 20
