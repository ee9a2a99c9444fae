// IC4 new topics: tags of friends' posts created in [startDate, endDate) and never before.
// With a parameter in its condition Kuzu types the CASE as ANY and sum() fails to bind,
// hence sum(CAST(... AS INT64)).
MATCH (person:Person {id: $personId})-[:KNOWS]-(friend:Person),
      (friend)<-[:HAS_CREATOR]-(post:Post)-[:HAS_TAG]->(tag:Tag)
WITH DISTINCT tag, post
WITH tag,
     CASE WHEN $startDate <= post.creationDate AND post.creationDate < $endDate THEN 1 ELSE 0 END AS valid,
     CASE WHEN post.creationDate < $startDate THEN 1 ELSE 0 END AS inValid
WITH tag, sum(CAST(valid AS INT64)) AS postCount, sum(CAST(inValid AS INT64)) AS inValidPostCount
WHERE postCount > 0 AND inValidPostCount = 0
RETURN tag.name AS tagName, postCount
ORDER BY postCount DESC, tagName ASC
LIMIT 10
