// IS1 profile of a person. City is a Place with label = 'City'.
MATCH (n:Person {id: $personId})-[:IS_LOCATED_IN]->(p:Place {label: 'City'})
RETURN
    n.firstName AS firstName,
    n.lastName AS lastName,
    n.birthday AS birthday,
    n.locationIP AS locationIP,
    n.browserUsed AS browserUsed,
    p.id AS cityId,
    n.gender AS gender,
    CAST(n.creationDate AS STRING) AS creationDate
