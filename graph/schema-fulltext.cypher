// Full-text index for fuzzy name search, where the server has full-text indexes (Neo4j 5).
// Optional: Store.setup skips it on servers that refuse it (ArcadeDB, embedded or over Bolt).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Body|Event) ON EACH [n.name, n.aliases, n.search];
