// IS7 replies of a message. The OPTIONAL MATCH finds no KNOWS edge when the reply author
// is the message author (nobody knows themselves), so that row says false, as in openCypher.
MATCH (m:Post:Comment {id: $messageId})<-[:REPLY_OF]-(c:Comment)-[:HAS_CREATOR]->(p:Person)
OPTIONAL MATCH (m)-[:HAS_CREATOR]->(a:Person)-[r:KNOWS]-(p)
RETURN
    c.id AS commentId,
    c.content AS commentContent,
    CAST(c.creationDate AS STRING) AS commentCreationDate,
    p.id AS replyAuthorId,
    p.firstName AS replyAuthorFirstName,
    p.lastName AS replyAuthorLastName,
    CASE WHEN r IS NULL THEN false ELSE true END AS replyAuthorKnowsOriginalMessageAuthor
ORDER BY c.creationDate DESC, p.id ASC
