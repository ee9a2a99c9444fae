// IC8 recent replies to the person's messages.
MATCH (start:Person {id: $personId})<-[:HAS_CREATOR]-(:Post:Comment)<-[:REPLY_OF]-(comment:Comment)-[:HAS_CREATOR]->(person:Person)
RETURN
    person.id AS personId,
    person.firstName AS personFirstName,
    person.lastName AS personLastName,
    CAST(comment.creationDate AS STRING) AS commentCreationDate,
    comment.id AS commentId,
    comment.content AS commentContent
ORDER BY comment.creationDate DESC, commentId ASC
LIMIT 20
