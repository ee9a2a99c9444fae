// IS6 forum of a message. REPLY_OF*0..30 stands for *0.. (longest chain in SF0.1: 7 hops).
MATCH (m:Post:Comment {id: $messageId})-[:REPLY_OF*0..30]->(p:Post)<-[:CONTAINER_OF]-(f:Forum)-[:HAS_MODERATOR]->(mod:Person)
RETURN
    f.id AS forumId,
    f.title AS forumTitle,
    mod.id AS moderatorId,
    mod.firstName AS moderatorFirstName,
    mod.lastName AS moderatorLastName
