// IC3 friends and friends of friends that have been to countries X and Y.
// Node comparisons (country IN [countryX, countryY], city IN cities) are done on ids.
// KNOWS*1..2 here is a walk (Kuzu's default); after WITH DISTINCT friend and excluding
// the start person it reaches the same friends as openCypher's trail semantics.
MATCH (countryX:Place {name: $countryXName, label: 'Country'}),
      (countryY:Place {name: $countryYName, label: 'Country'}),
      (person:Person {id: $personId})
WITH person, countryX, countryY
LIMIT 1
MATCH (city:Place {label: 'City'})-[:IS_PART_OF]->(country:Place {label: 'Country'})
WHERE list_contains([countryX.id, countryY.id], country.id)
WITH person, countryX, countryY, collect(city.id) AS cities
MATCH (person)-[:KNOWS*1..2]-(friend:Person)-[:IS_LOCATED_IN]->(city:Place)
WHERE person.id <> friend.id AND NOT list_contains(cities, city.id)
WITH DISTINCT friend, countryX, countryY
MATCH (friend)<-[:HAS_CREATOR]-(message:Post:Comment),
      (message)-[:IS_LOCATED_IN]->(country:Place)
WHERE $endDate > message.creationDate AND message.creationDate >= $startDate
  AND list_contains([countryX.id, countryY.id], country.id)
WITH friend,
     CASE WHEN country.id = countryX.id THEN 1 ELSE 0 END AS messageX,
     CASE WHEN country.id = countryY.id THEN 1 ELSE 0 END AS messageY
WITH friend, sum(messageX) AS xCount, sum(messageY) AS yCount
WHERE xCount > 0 AND yCount > 0
RETURN
    friend.id AS friendId,
    friend.firstName AS friendFirstName,
    friend.lastName AS friendLastName,
    xCount,
    yCount,
    xCount + yCount AS xyCount
ORDER BY xyCount DESC, friendId ASC
LIMIT 20
