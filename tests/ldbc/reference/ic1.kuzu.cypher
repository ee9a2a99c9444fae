// IC1 transitive friends with a certain name. Kuzu's SHORTEST 1..3 gives one shortest
// KNOWS path per (p, friend) pair, i.e. min(length(shortestPath(...*1..3))) of openCypher.
// University/Company/City/Country are Organisation/Place rows with that `label`.
// The [name, year, place] triples are STRING lists in Kuzu (lists are homogeneous); the
// year renders as the same digits, so the text form matches openCypher's mixed list.
// Kuzu's collect() of nothing but nulls is null, openCypher's is []: hence the coalesce.
// friendEmails / friendLanguages are left out: the SF0.1 CSVs have no email/speaks.
MATCH (p:Person {id: $personId})-[path:KNOWS* SHORTEST 1..3]-(friend:Person {firstName: $firstName})
WHERE friend.id <> p.id
WITH friend, min(length(path)) AS distance
ORDER BY distance ASC, friend.lastName ASC, friend.id ASC
LIMIT 20
MATCH (friend)-[:IS_LOCATED_IN]->(friendCity:Place {label: 'City'})
OPTIONAL MATCH (friend)-[studyAt:STUDY_AT]->(uni:Organisation {label: 'University'})-[:IS_LOCATED_IN]->(uniCity:Place {label: 'City'})
WITH friend, friendCity, distance, collect(
    CASE WHEN uni.name IS NULL THEN NULL
         ELSE [uni.name, CAST(studyAt.classYear AS STRING), uniCity.name] END) AS unis
OPTIONAL MATCH (friend)-[workAt:WORK_AT]->(company:Organisation {label: 'Company'})-[:IS_LOCATED_IN]->(companyCountry:Place {label: 'Country'})
WITH friend, friendCity, distance, unis, collect(
    CASE WHEN company.name IS NULL THEN NULL
         ELSE [company.name, CAST(workAt.workFrom AS STRING), companyCountry.name] END) AS companies
RETURN
    friend.id AS friendId,
    friend.lastName AS friendLastName,
    distance AS distanceFromPerson,
    friend.birthday AS friendBirthday,
    CAST(friend.creationDate AS STRING) AS friendCreationDate,
    friend.gender AS friendGender,
    friend.browserUsed AS friendBrowserUsed,
    friend.locationIP AS friendLocationIp,
    friendCity.name AS friendCityName,
    coalesce(unis, CAST([] AS STRING[][])) AS friendUniversities,
    coalesce(companies, CAST([] AS STRING[][])) AS friendCompanies
ORDER BY distanceFromPerson ASC, friendLastName ASC, friendId ASC
LIMIT 20
