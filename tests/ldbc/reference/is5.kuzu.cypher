// IS5 creator of a message. UNION ALL of the Post and the Comment lookup (see is4).
MATCH (m:Post {id: $messageId})-[:HAS_CREATOR]->(p:Person)
RETURN p.id AS personId, p.firstName AS firstName, p.lastName AS lastName
UNION ALL
MATCH (m:Comment {id: $messageId})-[:HAS_CREATOR]->(p:Person)
RETURN p.id AS personId, p.firstName AS firstName, p.lastName AS lastName
