// Q11. Influencers: the 20 people with the highest PageRank over KNOWS among
// those interested in "social selling" who opted in to email.
// (algo.pageRank ranks every Person over KNOWS, both directions; Boost.Graph.)
CALL algo.pageRank('Person', 'KNOWS') YIELD node, score
MATCH (node)-[:INTERESTED_IN]->(:Topic {name: "social selling"})
WHERE node.optInEmail = true
RETURN node.name AS person, round(score, 3) AS pageRank
ORDER BY pageRank DESC, person
LIMIT 20
