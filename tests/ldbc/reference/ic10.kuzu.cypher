// IC10 friend recommendation. birthday is a yyyyMMdd number here (not epoch millis):
// month = birthday / 100 % 100, day = birthday % 100. Friends of friends exactly two
// hops away: KNOWS*2..2 as a walk reaches the start person too, which NOT friend = person
// removes, and direct friends are removed by the NOT EXISTS, as in openCypher.
// commonPostCount counts the friend's posts with at least one tag the person is
// interested in (the official list comprehension with a pattern predicate). Written as
// two OPTIONAL MATCH counts: a CASE WHEN EXISTS {...} over an optional post segfaults Kuzu.
MATCH (person:Person {id: $personId})-[:KNOWS*2..2]-(friend:Person),
      (friend)-[:IS_LOCATED_IN]->(city:Place {label: 'City'})
WHERE friend.id <> person.id
  AND NOT EXISTS { MATCH (friend)-[:KNOWS]-(person) }
WITH DISTINCT person, friend, city, friend.birthday / 100 % 100 AS month, friend.birthday % 100 AS day
WHERE (month = $month AND day >= 21) OR (month = ($month % 12) + 1 AND day < 22)
OPTIONAL MATCH (friend)<-[:HAS_CREATOR]-(post:Post)
WITH person, friend, city, count(post) AS postCount
OPTIONAL MATCH (friend)<-[:HAS_CREATOR]-(post:Post)
WHERE EXISTS { MATCH (post)-[:HAS_TAG]->(:Tag)<-[:HAS_INTEREST]-(person) }
WITH friend, city, postCount, count(post) AS commonPostCount
RETURN
    friend.id AS personId,
    friend.firstName AS personFirstName,
    friend.lastName AS personLastName,
    commonPostCount - (postCount - commonPostCount) AS commonInterestScore,
    friend.gender AS personGender,
    city.name AS personCityName
ORDER BY commonInterestScore DESC, personId ASC
LIMIT 10
