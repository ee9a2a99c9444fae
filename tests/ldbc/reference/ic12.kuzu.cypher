// IC12 expert search. openCypher's (tag:Tag)-[:HAS_TYPE|IS_SUBCLASS_OF*0..]->(:TagClass)
// can only match with at least one hop (a node is not both Tag and TagClass); *1..20 covers
// the whole TagClass hierarchy of SF0.1 (depth < 20). count(DISTINCT comment) is placed
// before the other aggregate only as a precaution against Kuzu's count(DISTINCT) bug;
// both are DISTINCT aggregates and replyCount was cross-checked separately (README).
MATCH (tag:Tag)-[:HAS_TYPE|:IS_SUBCLASS_OF*1..20]->(baseTagClass:TagClass)
WHERE tag.name = $tagClassName OR baseTagClass.name = $tagClassName
WITH collect(tag.id) AS tags
MATCH (:Person {id: $personId})-[:KNOWS]-(friend:Person)<-[:HAS_CREATOR]-(comment:Comment)-[:REPLY_OF]->(:Post)-[:HAS_TAG]->(tag:Tag)
WHERE list_contains(tags, tag.id)
WITH friend, count(DISTINCT comment.id) AS replyCount, collect(DISTINCT tag.name) AS tagNames
RETURN
    friend.id AS personId,
    friend.firstName AS personFirstName,
    friend.lastName AS personLastName,
    tagNames,
    replyCount
ORDER BY replyCount DESC, personId ASC
LIMIT 20
