// IC9 recent messages by friends or friends of friends. Parameters: $personId, $maxDate
MATCH (root:Person {id: $personId})-[:KNOWS*1..2]-(friend:Person)
WHERE NOT friend = root
WITH collect(DISTINCT friend) AS friends
UNWIND friends AS friend
MATCH (friend)<-[:HAS_CREATOR]-(message:Message)
WHERE message.creationDate < $maxDate
RETURN
  friend.id AS personId,
  friend.firstName AS personFirstName,
  friend.lastName AS personLastName,
  message.id AS commentOrPostId,
  coalesce(message.content, message.imageFile) AS commentOrPostContent,
  message.creationDate AS commentOrPostCreationDate
ORDER BY commentOrPostCreationDate DESC, message.id ASC
LIMIT 20
