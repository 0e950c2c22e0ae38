// Network: how officials, bodies and documents connect. Article MENTIONS edges are provenance,
// not ties between officials, so paths and degrees leave them out (officials-together uses
// them on purpose: "named in the same article").

// name: shortest-path
// description: The shortest chain of facts linking two officials. Signed, issued, chaired, holds,
// assigns and references edges in either direction, at most 12 steps; article mentions do not
// count.
// param: from = "Nguyễn Thị Tuyến"
// param: to = "Chu Ngọc Anh"
// :param from => "Nguyễn Thị Tuyến"
// :param to => "Chu Ngọc Anh"
MATCH (a:Person {name: $from})
MATCH (b:Person {name: $to})
MATCH path = shortestPath((a)-[:SIGNED|ISSUED|CHAIRED|HOLDS|ASSIGNS|REFERENCES*..12]-(b))
RETURN length(path) AS length,
       [n IN nodes(path) | coalesce(n.name, n.number)] AS nodes,
       [n IN nodes(path) | labels(n)[0]] AS labels,
       [r IN relationships(path) | type(r)] AS relationships,
       [r IN relationships(path) | coalesce(startNode(r).name, startNode(r).number)] AS starts;

// name: officials-together
// description: Officials who co-signed with a person or share an article with them. With how
// often and where (the first five document numbers or article titles).
// param: name = "Chu Ngọc Anh"
// :param name => "Chu Ngọc Anh"
CALL {
  MATCH (p:Person {name: $name})-[:SIGNED]->(d:Document)<-[:SIGNED]-(o:Person)
  RETURN o.name AS official, 'co-signed' AS how, d.number AS place
  UNION ALL
  MATCH (p:Person {name: $name})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Person)
  WHERE o.key <> p.key
  RETURN o.name AS official, 'same article' AS how, coalesce(a.title, a.url, a.key) AS place
}
WITH official, collect(DISTINCT how) AS how, collect(DISTINCT place) AS places
RETURN official, how, size(places) AS times, places[..5] AS places
ORDER BY times DESC, official;

// name: most-connected-officials
// description: Officials with the most ties. Distinct bodies, documents and events tied to each
// (articles not counted), with the kinds of ties.
// param: limit = 10 (default)
// :param limit => 10
MATCH (p:Person)-[r]-(x)
WHERE NOT x:Article
WITH p, count(DISTINCT x) AS connections, collect(DISTINCT type(r)) AS via
RETURN p.name AS name, connections, via
ORDER BY connections DESC, name
LIMIT $limit;

// name: most-connected-bodies
// description: Bodies with the most ties. Distinct people, documents and bodies tied to each
// (articles not counted), with the kinds of ties.
// param: limit = 10 (default)
// :param limit => 10
MATCH (b:Body)-[r]-(x)
WHERE NOT x:Article
WITH b, count(DISTINCT x) AS connections, collect(DISTINCT type(r)) AS via
RETURN b.name AS name, connections, via
ORDER BY connections DESC, name
LIMIT $limit;

// name: articles-mentioning
// description: Articles that mention an entity, oldest first. The entity is given as a person's,
// body's or event's name, or as a document number.
// param: entity = "Thành ủy Hà Nội"
// :param entity => "Thành ủy Hà Nội"
CALL {
  MATCH (n:Person {name: $entity}) RETURN n
  UNION
  MATCH (n:Body {name: $entity}) RETURN n
  UNION
  MATCH (n:Document {number: $entity}) RETURN n
  UNION
  MATCH (n:Event {name: $entity}) RETURN n
}
MATCH (a:Article)-[:MENTIONS]->(n)
RETURN labels(n)[0] AS kind, a.title AS title, a.published AS published, a.outlet AS outlet,
       a.url AS url, a.path AS path
ORDER BY published IS NULL, published, title;
