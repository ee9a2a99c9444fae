// IC11 job referral: friends / friends of friends working at a company in the given
// country since before workFromYear.
MATCH (person:Person {id: $personId})-[:KNOWS*1..2]-(friend:Person)
WHERE person.id <> friend.id
WITH DISTINCT friend
MATCH (friend)-[workAt:WORK_AT]->(company:Organisation {label: 'Company'})-[:IS_LOCATED_IN]->(:Place {name: $countryName, label: 'Country'})
WHERE workAt.workFrom < $workFromYear
RETURN
    friend.id AS personId,
    friend.firstName AS personFirstName,
    friend.lastName AS personLastName,
    company.name AS organizationName,
    workAt.workFrom AS organizationWorkFromYear
ORDER BY organizationWorkFromYear ASC, personId ASC, organizationName DESC
LIMIT 10
