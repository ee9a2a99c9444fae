// IS4 content of a message. (m:Post:Comment) is kith's (m:Message).
MATCH (m:Post:Comment {id: $messageId})
RETURN
    CAST(m.creationDate AS STRING) AS messageCreationDate,
    coalesce(m.content, m.imageFile) AS messageContent
