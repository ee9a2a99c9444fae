// Kuzu 0.11.3 schema for the demo data set of `kith demo --out DIR` (cli/demo/): one node
// table per label and one rel table (group) per relationship type, as DIR/import.args
// names them. Columns follow each CSV file's order (Kuzu's COPY maps by position);
// DATE columns are DATE, DATETIME columns (2026-10-16T19:00:00Z) TIMESTAMP.
CREATE NODE TABLE Person (id INT64, name STRING, email STRING, title STRING, seniority STRING, location STRING, optInEmail BOOLEAN, optInIntro BOOLEAN, PRIMARY KEY (id));
CREATE NODE TABLE Company (id INT64, name STRING, domain STRING, industry STRING, size INT64, country STRING, PRIMARY KEY (id));
CREATE NODE TABLE Topic (id INT64, name STRING, PRIMARY KEY (id));
CREATE NODE TABLE Content (id INT64, title STRING, kind STRING, published DATE, PRIMARY KEY (id));
CREATE NODE TABLE Signal (id INT64, kind STRING, at TIMESTAMP, value DOUBLE, PRIMARY KEY (id));
CREATE NODE TABLE Event (id INT64, name STRING, kind STRING, at TIMESTAMP, PRIMARY KEY (id));
CREATE REL TABLE KNOWS (FROM Person TO Person, strength DOUBLE, since DATE, lastContact TIMESTAMP, interactions INT64);
CREATE REL TABLE WORKS_AT (FROM Person TO Company, title STRING, since DATE, until DATE);
CREATE REL TABLE INTERESTED_IN (FROM Person TO Topic, score DOUBLE);
CREATE REL TABLE ENGAGED (FROM Person TO Content, kind STRING, at TIMESTAMP);
CREATE REL TABLE ABOUT (FROM Content TO Topic);
CREATE REL TABLE HAS_SIGNAL (FROM Company TO Signal, FROM Person TO Signal);
CREATE REL TABLE ATTENDED (FROM Person TO Event);
CREATE REL TABLE CUSTOMER_OF (FROM Company TO Company, since DATE, plan STRING);
