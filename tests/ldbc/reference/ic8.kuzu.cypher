// IC8 recent replies to the person's messages. Written as three MATCH steps joined by WITH:
// as one pattern Kuzu's planner scans every comment and hash-joins (~30 s instead of ~0.2 s).
MATCH (start:Person {id: $personId})<-[:HAS_CREATOR]-(message:Post:Comment)
WITH message
MATCH (message)<-[:REPLY_OF]-(comment:Comment)
WITH comment
MATCH (comment)-[:HAS_CREATOR]->(person:Person)
RETURN
    person.id AS personId,
    person.firstName AS personFirstName,
    person.lastName AS personLastName,
    CAST(comment.creationDate AS STRING) AS commentCreationDate,
    comment.id AS commentId,
    comment.content AS commentContent
ORDER BY comment.creationDate DESC, commentId ASC
LIMIT 20
