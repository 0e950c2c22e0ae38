// Bodies: who headed them, who held positions, what they issued, what they were assigned.
// Every query starts from the Body index on `name` (the canonical display name, e.g.
// "UBND TP Hà Nội", "Thành ủy Hà Nội", "Chính phủ").

// name: body-heads
// description: Who headed a body over time. CHAIRED edges (Chủ tịch, Bí thư, Giám đốc...),
// ordered by when each head was first seen, with the titles as written.
// param: body = "UBND TP Hà Nội"
// :param body => "UBND TP Hà Nội"
MATCH (b:Body {name: $body})<-[r:CHAIRED]-(p:Person)
RETURN p.name AS name,
       CASE WHEN size(coalesce(r.titles, [])) > 0 THEN r.titles WHEN r.title IS NULL THEN [] ELSE [r.title] END AS titles,
       r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY first_seen IS NULL, first_seen, name;

// name: body-people
// description: Everyone with a position in a body. Heads (CHAIRED) and other positions (HOLDS),
// with titles as written and first/last seen.
// param: body = "Thành ủy Hà Nội"
// :param body => "Thành ủy Hà Nội"
MATCH (b:Body {name: $body})<-[r:CHAIRED|HOLDS]-(p:Person)
RETURN p.name AS name, type(r) AS role,
       CASE WHEN size(coalesce(r.titles, [])) > 0 THEN r.titles WHEN r.title IS NULL THEN [] ELSE [r.title] END AS titles,
       r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY role, name;

// name: documents-by-body
// description: Documents a body issued, optionally of one type and one year. The type as a name
// or a code ("Kế hoạch" or "KH"); newest first, with their signers.
// param: body = "Ban Cán sự đảng UBND TP Hà Nội"
// param: type = "CTr" (optional)
// param: year = 2020 (optional)
// :param body => "Ban Cán sự đảng UBND TP Hà Nội"
// :param type => "CTr"
// :param year => 2020
MATCH (b:Body {name: $body})-[:ISSUED]->(d:Document)
WHERE ($type IS NULL OR toLower(d.type) = toLower($type) OR toLower(d.type_code) = toLower($type))
  AND ($year IS NULL OR toString(d.year) = toString($year) OR d.date STARTS WITH toString($year))
RETURN d.number AS number, d.type AS type, d.date AS date, d.year AS year, d.title AS title,
       [(d)<-[:SIGNED]-(p:Person) | p.name] AS signed_by
ORDER BY date IS NULL, date DESC, number;

// name: body-tasks
// description: Tasks assigned to a body, and by whom. The assigner is a document, a body or a
// person; with the task text and the evidence sentences.
// param: body = "Ban Thường vụ Thành ủy Hà Nội"
// :param body => "Ban Thường vụ Thành ủy Hà Nội"
MATCH (b:Body {name: $body})<-[a:ASSIGNS]-(src)
RETURN labels(src)[0] AS by_kind, coalesce(src.number, src.name) AS assigned_by,
       CASE WHEN size(coalesce(a.tasks, [])) > 0 THEN a.tasks WHEN a.task IS NULL THEN [] ELSE [a.task] END AS tasks,
       coalesce(a.evidence, []) AS evidence
ORDER BY by_kind, assigned_by;

// name: heads-as-of
// description: Who headed a body at a date (YYYY, YYYY-MM or YYYY-MM-DD). Per head post, the
// head whose span has begun and not ended, the latest to come; the span from stated dates, else
// the term (nhiệm kỳ), else first/last seen, and `basis` says which (graph.tenure, in Cypher).
// param: body = "UBND TP Hà Nội"
// param: date = "2021-03"
// :param body => "UBND TP Hà Nội"
// :param date => "2021-03"
MATCH (b:Body {name: $body})<-[r:CHAIRED]-(p:Person)
WITH p, r,
     coalesce(r.start, substring(r.term, 0, 4),
              CASE WHEN r.status IN ['former', 'dismissed'] AND substring(r.first_seen, 0, 10) = substring(r.status_seen, 0, 10)
                   THEN null ELSE substring(r.first_seen, 0, 10) END) AS since,
     CASE WHEN r.end IS NOT NULL THEN r.end
          WHEN r.status IN ['former', 'dismissed'] THEN substring(coalesce(r.status_seen, r.last_seen), 0, 10)
          WHEN r.term IS NOT NULL THEN substring(r.term, 5, 4) END AS until,
     CASE WHEN r.start IS NOT NULL THEN 'stated' WHEN r.term IS NOT NULL THEN 'term' ELSE 'seen' END AS basis
WHERE since IS NOT NULL AND substring(since, 0, size($date)) <= $date
  AND (until IS NULL OR substring(until, 0, size($date)) >= $date)
WITH coalesce(r.title, 'CHAIRED') AS post, p.name AS name, since, until, basis, r.last_seen AS last_seen
ORDER BY post, since DESC
WITH post, collect({name: name, since: since, until: until, basis: basis, last_seen: last_seen}) AS heads
RETURN post, heads[0].name AS name, heads[0].since AS since, heads[0].until AS until,
       heads[0].basis AS basis, heads[0].last_seen AS last_seen
ORDER BY post;

// name: successions
// description: Who succeeded whom in a body's posts ("X ... thay ông Y"). SUCCEEDED facts from
// the successor to the predecessor, with the post, the stated start and the evidence sentences.
// param: body = "UBND TP Hà Nội"
// :param body => "UBND TP Hà Nội"
MATCH (b:Body {name: $body})<-[:CHAIRED|HOLDS]-(x:Person)-[s:SUCCEEDED]->(y:Person)
WHERE s.body = b.name
RETURN DISTINCT s.title AS post, x.name AS successor, y.name AS predecessor, s.start AS since,
       coalesce(s.evidence, []) AS evidence
ORDER BY since IS NULL, since, post, successor;
