// IC5 new groups: forums that friends / friends of friends joined after minDate, with the
// number of posts in each forum created by those (forum-specific) new members.
// Membership lists are compared on ids; a forum with no such post counts 0.
MATCH (person:Person {id: $personId})-[:KNOWS*1..2]-(friend:Person)
WHERE person.id <> friend.id
WITH DISTINCT friend
MATCH (friend)<-[membership:HAS_MEMBER]-(forum:Forum)
WHERE membership.joinDate > $minDate
WITH forum, collect(friend.id) AS friends
OPTIONAL MATCH (forum)-[:CONTAINER_OF]->(post:Post)-[:HAS_CREATOR]->(creator:Person)
WHERE list_contains(friends, creator.id)
WITH forum, count(post) AS postCount
RETURN forum.title AS forumName, postCount
ORDER BY postCount DESC, forum.id ASC
LIMIT 20
