// IC6 tag co-occurrence: other tags on posts of friends / friends of friends that carry
// the given tag. The two HAS_TAG edges of a post differ because t <> tag.
MATCH (knownTag:Tag {name: $tagName})
WITH knownTag.id AS knownTagId
MATCH (person:Person {id: $personId})-[:KNOWS*1..2]-(friend:Person)
WHERE person.id <> friend.id
WITH knownTagId, collect(DISTINCT friend.id) AS friends
UNWIND friends AS f
MATCH (:Person {id: f})<-[:HAS_CREATOR]-(post:Post),
      (post)-[:HAS_TAG]->(t:Tag {id: knownTagId}),
      (post)-[:HAS_TAG]->(tag:Tag)
WHERE t.id <> tag.id
WITH tag.name AS tagName, count(post) AS postCount
RETURN tagName, postCount
ORDER BY postCount DESC, tagName ASC
LIMIT 10
