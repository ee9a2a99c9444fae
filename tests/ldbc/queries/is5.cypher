// IS5 creator of a message. Parameters: $messageId
MATCH (m:Message {id: $messageId})-[:HAS_CREATOR]->(p:Person)
RETURN
  p.id AS personId,
  p.firstName AS firstName,
  p.lastName AS lastName
