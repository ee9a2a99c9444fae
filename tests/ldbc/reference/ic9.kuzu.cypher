// IC9 recent messages by friends or friends of friends, strictly before maxDate.
MATCH (root:Person {id: $personId})-[:KNOWS*1..2]-(friend:Person)
WHERE root.id <> friend.id
WITH collect(DISTINCT friend.id) AS friends
UNWIND friends AS fid
MATCH (friend:Person {id: fid})<-[:HAS_CREATOR]-(message:Post:Comment)
WHERE message.creationDate < $maxDate
RETURN
    friend.id AS personId,
    friend.firstName AS personFirstName,
    friend.lastName AS personLastName,
    message.id AS commentOrPostId,
    coalesce(message.content, message.imageFile) AS commentOrPostContent,
    CAST(message.creationDate AS STRING) AS commentOrPostCreationDate
ORDER BY message.creationDate DESC, message.id ASC
LIMIT 20
