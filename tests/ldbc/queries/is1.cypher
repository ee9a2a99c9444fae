// IS1 profile of a person. Parameters: $personId
MATCH (n:Person {id: $personId})-[:IS_LOCATED_IN]->(p:City)
RETURN
  n.firstName AS firstName,
  n.lastName AS lastName,
  n.birthday AS birthday,
  n.locationIP AS locationIP,
  n.browserUsed AS browserUsed,
  p.id AS cityId,
  n.gender AS gender,
  n.creationDate AS creationDate
