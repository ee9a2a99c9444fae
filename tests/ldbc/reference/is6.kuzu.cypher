// IS6 forum of a message. UNION ALL of the Post lookup (REPLY_OF*0 hops) and the Comment
// lookup (REPLY_OF*1..30, standing for *1..; the longest chain in SF0.1 has 7 hops); see is4.
MATCH (p:Post {id: $messageId})<-[:CONTAINER_OF]-(f:Forum)-[:HAS_MODERATOR]->(mod:Person)
RETURN f.id AS forumId, f.title AS forumTitle, mod.id AS moderatorId,
       mod.firstName AS moderatorFirstName, mod.lastName AS moderatorLastName
UNION ALL
MATCH (m:Comment {id: $messageId})-[:REPLY_OF*1..30]->(p:Post)<-[:CONTAINER_OF]-(f:Forum)-[:HAS_MODERATOR]->(mod:Person)
RETURN f.id AS forumId, f.title AS forumTitle, mod.id AS moderatorId,
       mod.firstName AS moderatorFirstName, mod.lastName AS moderatorLastName
