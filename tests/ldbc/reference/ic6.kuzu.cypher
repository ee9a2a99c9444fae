// IC6 tag co-occurrence: other tags on posts of friends / friends of friends that carry
// the given tag, counted once per (post, other tag). Written as MATCH steps joined by WITH:
// the one-pattern form (UNWIND friends, three-part MATCH) takes ~7 s in Kuzu, this ~0.2 s.
MATCH (knownTag:Tag {name: $tagName})
WITH knownTag.id AS knownTagId
MATCH (person:Person {id: $personId})-[:KNOWS*1..2]-(friend:Person)
WHERE person.id <> friend.id
WITH DISTINCT knownTagId, friend
MATCH (friend)<-[:HAS_CREATOR]-(post:Post)
WITH knownTagId, post
MATCH (post)-[:HAS_TAG]->(t:Tag)
WHERE t.id = knownTagId
WITH knownTagId, post
MATCH (post)-[:HAS_TAG]->(tag:Tag)
WHERE tag.id <> knownTagId
WITH tag.name AS tagName, count(post) AS postCount
RETURN tagName, postCount
ORDER BY postCount DESC, tagName ASC
LIMIT 10
