// IS3 friends of a person. KNOWS is stored once per pair and matched undirected.
MATCH (n:Person {id: $personId})-[r:KNOWS]-(friend:Person)
RETURN
    friend.id AS personId,
    friend.firstName AS firstName,
    friend.lastName AS lastName,
    CAST(r.creationDate AS STRING) AS friendshipCreationDate
ORDER BY r.creationDate DESC, friend.id ASC
