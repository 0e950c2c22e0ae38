// Data quality: facts the extraction could not complete or support well. Each row is a thing
// to look at, not necessarily an error (a document named without its issuer is common news).

// name: documents-without-issuer
// description: Documents with no known issuer. With their signers (a signer often tells the
// issuer) and how many articles mention them.
MATCH (d:Document)
WHERE NOT EXISTS { (d)<-[:ISSUED]-(:Body) }
RETURN d.number AS number, d.type AS type, d.date AS date,
       [(d)<-[:SIGNED]-(p:Person) | p.name] AS signed_by,
       COUNT { (d)<-[:MENTIONS]-(:Article) } AS articles
ORDER BY number;

// name: people-without-position
// description: People with no position in any body. No CHAIRED or HOLDS edge to a Body; with the
// titles they were seen with and how many articles mention them.
MATCH (p:Person)
WHERE NOT EXISTS { (p)-[:CHAIRED|HOLDS]->(:Body) }
RETURN p.name AS name, p.titles AS titles, COUNT { (p)<-[:MENTIONS]-(:Article) } AS articles
ORDER BY name;

// name: single-evidence-facts
// description: Facts supported by a single sentence. Every relationship but MENTIONS with exactly
// one evidence sentence: the first facts to check by hand.
MATCH (a)-[r:ISSUED|SIGNED|CHAIRED|HOLDS|ASSIGNS|REFERENCES]->(b)
WHERE size(coalesce(r.evidence, [])) = 1
RETURN type(r) AS type, coalesce(a.name, a.number) AS source, coalesce(b.name, b.number) AS target,
       r.evidence[0] AS evidence
ORDER BY type, source, target;

// name: near-duplicate-names
// description: Names stored twice with different accents, case or spacing. People, bodies or
// documents with the same `search` value that are different nodes.
MATCH (n)
WHERE (n:Person OR n:Body OR n:Document) AND n.search IS NOT NULL
WITH labels(n)[0] AS kind, n.search AS search, collect(coalesce(n.name, n.number)) AS names, count(*) AS nodes
WHERE nodes > 1
RETURN kind, search, names, nodes
ORDER BY kind, search;
