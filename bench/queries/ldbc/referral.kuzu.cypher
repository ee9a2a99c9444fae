// Job referral: friends and friends of friends who work at a company located in the
// given country, with the company. Company and Country are kith labels; in Kuzu's
// LDBC schema they are the `label` property (bench/kuzu/schema.cypher).
// Parameters: $personId, $country
MATCH (p:Person {id: $personId})-[:KNOWS*1..2]-(f:Person)
WHERE f.id <> p.id
WITH DISTINCT f
MATCH (f)-[:WORK_AT]->(c:Organisation {label: 'Company'})-[:IS_LOCATED_IN]->(:Place {name: $country, label: 'Country'})
RETURN c.name AS company, f.id AS personId, f.firstName AS firstName, f.lastName AS lastName
ORDER BY company, personId
LIMIT 20
