// IC10 friend recommendation. Parameters: $personId, $month (1-12)
// birthday is a yyyyMMdd number here, hence the arithmetic for month and day.
MATCH (person:Person {id: $personId})-[:KNOWS*2..2]-(friend),
      (friend)-[:IS_LOCATED_IN]->(city:City)
WHERE NOT friend = person AND
      NOT (friend)-[:KNOWS]-(person)
WITH person, city, friend, (friend.birthday / 100) % 100 AS birthdayMonth, friend.birthday % 100 AS birthdayDay
WHERE (birthdayMonth = $month AND birthdayDay >= 21) OR
      (birthdayMonth = ($month % 12) + 1 AND birthdayDay < 22)
WITH DISTINCT friend, city, person
OPTIONAL MATCH (friend)<-[:HAS_CREATOR]-(post:Post)
WITH friend, city, collect(post) AS posts, person
WITH friend,
     city,
     size(posts) AS postCount,
     size([p IN posts WHERE (p)-[:HAS_TAG]->()<-[:HAS_INTEREST]-(person)]) AS commonPostCount
RETURN
  friend.id AS personId,
  friend.firstName AS personFirstName,
  friend.lastName AS personLastName,
  commonPostCount - (postCount - commonPostCount) AS commonInterestScore,
  friend.gender AS personGender,
  city.name AS personCityName
ORDER BY commonInterestScore DESC, personId ASC
LIMIT 10
