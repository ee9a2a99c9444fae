// IS2 recent messages of a person. (message) is Post or Comment (the HAS_CREATOR sources);
// REPLY_OF*0..30 stands for *0.. (the longest reply chain in SF0.1 has 7 hops).
MATCH (:Person {id: $personId})<-[:HAS_CREATOR]-(message:Post:Comment)
WITH message, message.id AS messageId, message.creationDate AS created
ORDER BY created DESC, messageId ASC
LIMIT 10
MATCH (message)-[:REPLY_OF*0..30]->(post:Post)
WITH message, messageId, created, post
MATCH (post)-[:HAS_CREATOR]->(person:Person)
RETURN
    messageId,
    coalesce(message.imageFile, message.content) AS messageContent,
    CAST(created AS STRING) AS messageCreationDate,
    post.id AS postId,
    person.id AS personId,
    person.firstName AS personFirstName,
    person.lastName AS personLastName
ORDER BY created DESC, messageId ASC
