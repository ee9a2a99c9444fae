// Q14. A saved segment a dashboard polls every minute: accounts with a
// churn-risk signal in the last $days days, with how many and the latest.
// Define it once; then `ASK churn_watch(30)`, or over HTTP:
//   curl -s -H "Authorization: Bearer $TOKEN" -d '{"params": {"days": 30}}' \
//        http://127.0.0.1:7474/v1/questions/churn_watch
DEFINE QUESTION churn_watch($days) AS
MATCH (c:Company)-[:HAS_SIGNAL]->(s:Signal {kind: "churn-risk"})
WHERE s.at WITHIN $days DAYS
RETURN c.name AS account, count(s) AS signals, max(s.value) AS worstScore, max(s.at) AS latest
ORDER BY worstScore DESC, account
