// Q6. Relationships going cold: my connections I have not contacted in 180
// days although the relationship was strong (strength >= 0.7).
// Params: $me, $now.
MATCH (me:Person {id: $me})-[k:KNOWS]-(p:Person)
WHERE k.strength >= 0.7 AND NOT k.lastContact WITHIN 180 DAYS
RETURN p.name AS person, k.strength AS strength, k.lastContact AS lastContact
ORDER BY strength DESC, person
