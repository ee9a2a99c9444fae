// IC2 recent messages by your friends. (message:Post:Comment) is kith's (message:Message).
MATCH (:Person {id: $personId})-[:KNOWS]-(friend:Person)<-[:HAS_CREATOR]-(message:Post:Comment)
WHERE message.creationDate <= $maxDate
RETURN
    friend.id AS personId,
    friend.firstName AS personFirstName,
    friend.lastName AS personLastName,
    message.id AS postOrCommentId,
    coalesce(message.content, message.imageFile) AS postOrCommentContent,
    CAST(message.creationDate AS STRING) AS postOrCommentCreationDate
ORDER BY message.creationDate DESC, message.id ASC
LIMIT 20
