// IS4 content of a message. kith's (m:Message {id}) is written as a UNION ALL of the Post
// and the Comment lookup: Kuzu's (m:Post:Comment {id: ...}) does not use the primary-key
// index (~50 ms instead of ~2 ms). Post and Comment ids do not overlap in SF0.1.
MATCH (m:Post {id: $messageId})
RETURN
    CAST(m.creationDate AS STRING) AS messageCreationDate,
    coalesce(m.content, m.imageFile) AS messageContent
UNION ALL
MATCH (m:Comment {id: $messageId})
RETURN
    CAST(m.creationDate AS STRING) AS messageCreationDate,
    m.content AS messageContent
