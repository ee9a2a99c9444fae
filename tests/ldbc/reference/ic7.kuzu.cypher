// IC7 recent likers. openCypher's head(collect(...)) after ORDER BY likeTime DESC,
// message.id ASC picks, per liker, the latest like and among equal times the smallest
// message id; Kuzu does not promise collect() order, so the choice is made explicitly:
// max(like time) per liker, then min(message id) among that liker's likes at that time
// (from a collected list of structs, which is ~10x faster in Kuzu than matching again).
// minutesLatency: LDBC dates here are yyyyMMddHHmmssSSS numbers, not epoch millis, so
// both are turned into UTC timestamps and the latency is floor((like - message) ms / 60000),
// which is what the official toInteger(floor(toFloat(ms)/1000.0)/60.0) gives for epoch millis.
MATCH (person:Person {id: $personId})<-[:HAS_CREATOR]-(message:Post:Comment)<-[like:LIKES]-(liker:Person)
WITH person, liker, max(like.creationDate) AS likeTime,
     collect({likeTime: like.creationDate, id: message.id, created: message.creationDate,
              content: coalesce(message.content, message.imageFile)}) AS likes
UNWIND likes AS l
WITH person, liker, likeTime, l
WHERE l.likeTime = likeTime
WITH person, liker, likeTime, min(l.id) AS messageId, collect(l) AS latest
UNWIND latest AS msg
WITH person, liker, likeTime, msg, messageId
WHERE msg.id = messageId
WITH person, liker, likeTime, msg,
     CAST(likeTime AS STRING) AS l, CAST(msg.created AS STRING) AS c
WITH person, liker, likeTime, msg,
     timestamp(substring(l,1,4)+'-'+substring(l,5,2)+'-'+substring(l,7,2)+' '+substring(l,9,2)+':'+substring(l,11,2)+':'+substring(l,13,2)+'.'+substring(l,15,3)) AS likeTs,
     timestamp(substring(c,1,4)+'-'+substring(c,5,2)+'-'+substring(c,7,2)+' '+substring(c,9,2)+':'+substring(c,11,2)+':'+substring(c,13,2)+'.'+substring(c,15,3)) AS msgTs
RETURN
    liker.id AS personId,
    liker.firstName AS personFirstName,
    liker.lastName AS personLastName,
    CAST(likeTime AS STRING) AS likeCreationDate,
    msg.id AS commentOrPostId,
    msg.content AS commentOrPostContent,
    CAST(floor((to_epoch_ms(likeTs) - to_epoch_ms(msgTs)) / 60000.0) AS INT64) AS minutesLatency,
    NOT EXISTS { MATCH (liker)-[:KNOWS]-(person) } AS isNew
ORDER BY likeTime DESC, personId ASC
LIMIT 20
