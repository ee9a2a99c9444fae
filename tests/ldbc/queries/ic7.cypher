// IC7 recent likers. Parameters: $personId
// Dates are yyyyMMddHHmmssSSS numbers here, not epoch milliseconds: both are
// read as UTC instants before subtracting (reference/README.md).
MATCH (person:Person {id: $personId})<-[:HAS_CREATOR]-(message:Message)<-[like:LIKES]-(liker:Person)
WITH liker, message, like.creationDate AS likeTime, person
ORDER BY likeTime DESC, toInteger(message.id) ASC
WITH liker, head(collect({msg: message, likeTime: likeTime})) AS latestLike, person
WITH liker, latestLike, person,
     toString(latestLike.likeTime) AS l, toString(latestLike.msg.creationDate) AS c
WITH liker, latestLike, person,
     datetime(substring(l, 0, 4) + '-' + substring(l, 4, 2) + '-' + substring(l, 6, 2) + 'T' +
              substring(l, 8, 2) + ':' + substring(l, 10, 2) + ':' + substring(l, 12, 2) + '.' +
              substring(l, 14, 3)) AS likeInstant,
     datetime(substring(c, 0, 4) + '-' + substring(c, 4, 2) + '-' + substring(c, 6, 2) + 'T' +
              substring(c, 8, 2) + ':' + substring(c, 10, 2) + ':' + substring(c, 12, 2) + '.' +
              substring(c, 14, 3)) AS messageInstant
RETURN
  liker.id AS personId,
  liker.firstName AS personFirstName,
  liker.lastName AS personLastName,
  latestLike.likeTime AS likeCreationDate,
  latestLike.msg.id AS commentOrPostId,
  coalesce(latestLike.msg.content, latestLike.msg.imageFile) AS commentOrPostContent,
  toInteger(floor(toFloat(likeInstant.epochMillis - messageInstant.epochMillis) / 60000.0)) AS minutesLatency,
  NOT (liker)-[:KNOWS]-(person) AS isNew
ORDER BY likeCreationDate DESC, toInteger(personId) ASC
LIMIT 20
