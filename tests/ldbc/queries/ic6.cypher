// IC6 tag co-occurrence. Parameters: $personId, $tagName
MATCH (knownTag:Tag {name: $tagName})
WITH knownTag.id AS knownTagId
MATCH (person:Person {id: $personId})-[:KNOWS*1..2]-(friend)
WHERE NOT person = friend
WITH knownTagId, collect(DISTINCT friend) AS friends
UNWIND friends AS f
MATCH (f)<-[:HAS_CREATOR]-(post:Post),
      (post)-[:HAS_TAG]->(t:Tag {id: knownTagId}),
      (post)-[:HAS_TAG]->(tag:Tag)
WHERE NOT t = tag
WITH tag.name AS tagName, count(post) AS postCount
RETURN tagName, postCount
ORDER BY postCount DESC, tagName ASC
LIMIT 10
