// IS4 content of a message. Parameters: $messageId
MATCH (m:Message {id: $messageId})
RETURN
  m.creationDate AS messageCreationDate,
  coalesce(m.content, m.imageFile) AS messageContent
