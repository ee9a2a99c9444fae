// IC13 single shortest path. Parameters: $person1Id, $person2Id
MATCH (person1:Person {id: $person1Id}), (person2:Person {id: $person2Id})
OPTIONAL MATCH path = shortestPath((person1)-[:KNOWS*]-(person2))
RETURN
  CASE path IS NULL
    WHEN true THEN -1
    ELSE length(path)
  END AS shortestPathLength
