// IC14 trusted connection paths: every shortest KNOWS path, with a weight per consecutive
// pair (a, b): 1.0 per comment of one replying to a post of the other, 0.5 per comment of
// one replying to a comment of the other, both directions. Kuzu's nodes(path) on a
// recursive relationship lists only the intermediate nodes, so both ends are added.
// Both ends of each pair are bound first (MATCH (a), (b)): otherwise Kuzu's plan for the
// OPTIONAL MATCH takes ~10x longer.
// Ties in pathWeight may come in any order (the official query orders by weight only); the
// CAST(... AS STRING) key just makes regenerating this file deterministic.
MATCH (person1:Person {id: $person1Id})-[path:KNOWS* ALL SHORTEST 1..30]-(person2:Person {id: $person2Id})
WITH list_concat(list_concat([person1.id], list_transform(nodes(path), n -> n.id)), [person2.id]) AS personIdsInPath
UNWIND range(1, size(personIdsInPath) - 1) AS i
WITH personIdsInPath, i, personIdsInPath[i] AS aId, personIdsInPath[i + 1] AS bId
MATCH (a:Person {id: aId}), (b:Person {id: bId})
OPTIONAL MATCH (a)<-[:HAS_CREATOR]-(c:Comment)-[:REPLY_OF]->(m:Post:Comment)-[:HAS_CREATOR]->(b)
WITH personIdsInPath, i, a, b,
     sum(CASE WHEN m IS NULL THEN 0.0 WHEN label(m) = 'Post' THEN 1.0 ELSE 0.5 END) AS wAB
OPTIONAL MATCH (b)<-[:HAS_CREATOR]-(c:Comment)-[:REPLY_OF]->(m:Post:Comment)-[:HAS_CREATOR]->(a)
WITH personIdsInPath, i, wAB,
     sum(CASE WHEN m IS NULL THEN 0.0 WHEN label(m) = 'Post' THEN 1.0 ELSE 0.5 END) AS wBA
WITH personIdsInPath, sum(wAB + wBA) AS pathWeight
RETURN personIdsInPath, pathWeight
ORDER BY pathWeight DESC, CAST(personIdsInPath AS STRING) ASC
