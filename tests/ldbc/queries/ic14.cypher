// IC14 trusted connection paths. Parameters: $person1Id, $person2Id
// Weight of a KNOWS step: 1.0 per direct reply (comment to post) and 0.5 per
// reply comment to comment between the two people, in either direction.
MATCH path = allShortestPaths((person1:Person {id: $person1Id})-[:KNOWS*0..]-(person2:Person {id: $person2Id}))
WITH nodes(path) AS pathNodes
RETURN
  [n IN pathNodes | n.id] AS personIdsInPath,
  reduce(weight = 0.0, idx IN range(1, size(pathNodes) - 1) |
    weight
    + size([(a)<-[:HAS_CREATOR]-(:Comment)-[:REPLY_OF]->(:Post)-[:HAS_CREATOR]->(b)
            WHERE (a = pathNodes[idx - 1] AND b = pathNodes[idx]) OR (a = pathNodes[idx] AND b = pathNodes[idx - 1])
            | 1]) * 1.0
    + size([(a)<-[:HAS_CREATOR]-(:Comment)-[:REPLY_OF]->(:Comment)-[:HAS_CREATOR]->(b)
            WHERE (a = pathNodes[idx - 1] AND b = pathNodes[idx]) OR (a = pathNodes[idx] AND b = pathNodes[idx - 1])
            | 1]) * 0.5
  ) AS pathWeight
ORDER BY pathWeight DESC
