// Kuzu 0.11.3 schema mirroring kith's LDBC import (see ../shared/data/ldbc-sf01/import.args).
// Kuzu has no multi-label nodes: kith's Message label is written (m:Post:Comment) in Kuzu
// (label alternatives), and the secondary labels Company/University and
// City/Country/Continent are the `label` property. Column order follows each CSV file,
// because Kuzu's COPY maps CSV columns by position.
CREATE NODE TABLE Person (id INT64, firstName STRING, lastName STRING, gender STRING, birthday INT64, creationDate INT64, locationIP STRING, browserUsed STRING, PRIMARY KEY (id));
CREATE NODE TABLE Comment (id INT64, creationDate INT64, locationIP STRING, browserUsed STRING, content STRING, length INT32, PRIMARY KEY (id));
CREATE NODE TABLE Post (id INT64, imageFile STRING, creationDate INT64, locationIP STRING, browserUsed STRING, language STRING, content STRING, length INT32, PRIMARY KEY (id));
CREATE NODE TABLE Forum (id INT64, title STRING, creationDate INT64, PRIMARY KEY (id));
CREATE NODE TABLE Organisation (id INT64, label STRING, name STRING, url STRING, PRIMARY KEY (id));
CREATE NODE TABLE Place (id INT64, name STRING, url STRING, label STRING, PRIMARY KEY (id));
CREATE NODE TABLE Tag (id INT64, name STRING, url STRING, PRIMARY KEY (id));
CREATE NODE TABLE TagClass (id INT64, name STRING, url STRING, PRIMARY KEY (id));
// One relationship table per kith type; a type used between several label pairs
// becomes a Kuzu rel table with several FROM/TO pairs (a rel table group).
CREATE REL TABLE KNOWS (FROM Person TO Person, creationDate INT64);
CREATE REL TABLE WORK_AT (FROM Person TO Organisation, workFrom INT32);
CREATE REL TABLE STUDY_AT (FROM Person TO Organisation, classYear INT32);
CREATE REL TABLE HAS_INTEREST (FROM Person TO Tag);
CREATE REL TABLE IS_LOCATED_IN (FROM Person TO Place, FROM Organisation TO Place, FROM Post TO Place, FROM Comment TO Place);
CREATE REL TABLE LIKES (FROM Person TO Post, FROM Person TO Comment, creationDate INT64);
CREATE REL TABLE HAS_CREATOR (FROM Post TO Person, FROM Comment TO Person);
CREATE REL TABLE HAS_TAG (FROM Post TO Tag, FROM Comment TO Tag, FROM Forum TO Tag);
CREATE REL TABLE REPLY_OF (FROM Comment TO Post, FROM Comment TO Comment);
CREATE REL TABLE CONTAINER_OF (FROM Forum TO Post);
CREATE REL TABLE HAS_MEMBER (FROM Forum TO Person, joinDate INT64);
CREATE REL TABLE HAS_MODERATOR (FROM Forum TO Person);
CREATE REL TABLE IS_PART_OF (FROM Place TO Place);
CREATE REL TABLE HAS_TYPE (FROM Tag TO TagClass);
CREATE REL TABLE IS_SUBCLASS_OF (FROM TagClass TO TagClass);
