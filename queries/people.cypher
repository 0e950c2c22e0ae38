// People: what an official signed, the positions they held, and their timeline.
// Every query starts from the Person index on `name` (the canonical spelling, e.g.
// "Chu Ngọc Anh"; `graph search` finds it from an unaccented spelling). One name may be several
// people told apart by place (README "Identity"): `place` picks one ("Nghệ An"; "" for the node
// without a place); left out, every person of the name answers. From the CLI, write the person
// as `graph person` lists them: --param "name=Lê Văn Tâm (Nghệ An)".

// name: documents-signed-by
// description: Documents a person signed, newest first. With the issuing body and the evidence
// sentences.
// param: name = "Chu Ngọc Anh"
// param: place = "" (optional)
// :param name => "Chu Ngọc Anh"
// :param place => ""
MATCH (p:Person {name: $name}) WHERE $place IS NULL OR coalesce(p.place, '') = $place
MATCH (p)-[s:SIGNED]->(d:Document)
RETURN d.number AS number, d.type AS type, d.date AS date, d.title AS title,
       [(d)<-[:ISSUED]-(b:Body) | b.name] AS issued_by,
       coalesce(s.evidence, []) AS evidence
ORDER BY date IS NULL, date DESC, number;

// name: person-positions
// description: A person's positions over time. Role (CHAIRED heads the body, HOLDS any other
// position), titles as written, the body, first and last seen.
// param: name = "Chu Ngọc Anh"
// param: place = "" (optional)
// :param name => "Chu Ngọc Anh"
// :param place => ""
MATCH (p:Person {name: $name}) WHERE $place IS NULL OR coalesce(p.place, '') = $place
MATCH (p)-[r:CHAIRED|HOLDS]->(b:Body)
RETURN type(r) AS role,
       CASE WHEN size(coalesce(r.titles, [])) > 0 THEN r.titles WHEN r.title IS NULL THEN [] ELSE [r.title] END AS titles,
       b.name AS body, r.first_seen AS first_seen, r.last_seen AS last_seen,
       size(coalesce(r.evidence, [])) AS sentences
ORDER BY first_seen IS NULL, first_seen, role, body;

// name: person-timeline
// description: A person's dated timeline. Positions (first seen), documents signed and meetings
// chaired in one list; undated items last.
// param: name = "Chu Ngọc Anh"
// param: place = "" (optional)
// :param name => "Chu Ngọc Anh"
// :param place => ""
CALL {
  MATCH (p:Person {name: $name}) WHERE $place IS NULL OR coalesce(p.place, '') = $place
  MATCH (p)-[r:CHAIRED|HOLDS]->(b:Body)
  RETURN r.first_seen AS date, type(r) AS what, trim(coalesce(r.title, head(r.titles), '') + ' ' + b.name) AS detail
  UNION ALL
  MATCH (p:Person {name: $name}) WHERE $place IS NULL OR coalesce(p.place, '') = $place
  MATCH (p)-[:SIGNED]->(d:Document)
  RETURN d.date AS date, 'SIGNED' AS what, coalesce(d.type + ' ', '') + d.number AS detail
  UNION ALL
  MATCH (p:Person {name: $name}) WHERE $place IS NULL OR coalesce(p.place, '') = $place
  MATCH (p)-[r:CHAIRED]->(e:Event)
  RETURN coalesce(e.date, r.first_seen) AS date, 'CHAIRED' AS what, e.name AS detail
}
RETURN date, what, detail
ORDER BY date IS NULL, date, what, detail;
