// Constraints and indexes shared by every store (embedded ArcadeDB and Neo4j).
// Plain Neo4j 5 DDL, idempotent (IF NOT EXISTS): run on every connect. One statement per ';'.
// Keep in step with schema.yaml: tests/test_schema.py checks one key constraint per label.
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT body_key IF NOT EXISTS FOR (n:Body) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE;
CREATE INDEX document_number IF NOT EXISTS FOR (n:Document) ON (n.number);
CREATE INDEX document_search IF NOT EXISTS FOR (n:Document) ON (n.search);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX person_search IF NOT EXISTS FOR (n:Person) ON (n.search);
CREATE INDEX person_same_as IF NOT EXISTS FOR (n:Person) ON (n.same_as);
CREATE INDEX body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX body_search IF NOT EXISTS FOR (n:Body) ON (n.search);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
