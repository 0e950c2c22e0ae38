// Documents: who issued and signed them, and how they cite one another.
// Paste a query into Neo4j Browser after its ':param' lines. Every query starts from the
// Document index on `number`; numbers are canonical ("143-KL/TU", "01/NQ-CP").

// name: who-issued
// description: Who issued a document: body, signers, type, date and evidence. One row per issuing
// body of each document with that number (numbers repeat across provinces: `document` is the
// document's key); `basis` says whether the issuer is stated or implied by the number's issuer
// code; evidence as stored (JSON strings: article id, sentence, offsets), of the ISSUED fact and
// of the document's SIGNED facts, so that an issuer implied by the number still shows where the
// document was named.
// param: number = "143-KL/TU"
// :param number => "143-KL/TU"
MATCH (d:Document {number: $number})
OPTIONAL MATCH (b:Body)-[i:ISSUED]->(d)
RETURN d.key AS document, d.number AS number, d.type AS type, d.date AS date, d.year AS year,
       d.title AS title, b.name AS issued_by, i.basis AS basis,
       [(d)<-[:SIGNED]-(p:Person) | p.name] AS signed_by,
       coalesce(i.evidence, []) + reduce(acc = [], e IN [(d)<-[s:SIGNED]-(:Person) | coalesce(s.evidence, [])] | acc + e)
         AS evidence
ORDER BY year, issued_by, document;

// name: who-signed
// description: Who signed a document, with their titles and the evidence. Titles are those the
// person was seen with, as written; `document` tells apart documents that share a number.
// param: number = "143-KL/TU"
// :param number => "143-KL/TU"
MATCH (d:Document {number: $number})<-[s:SIGNED]-(p:Person)
RETURN d.key AS document, d.number AS number, d.type AS type, d.date AS date, d.year AS year,
       p.name AS signer, p.titles AS titles, coalesce(s.evidence, []) AS evidence
ORDER BY year, document, signer;

// name: document-cites
// description: What a document implements or cites, to any depth. REFERENCES followed outwards;
// depth 1 is a direct reference, `via` says which document cites it and how.
// param: number = "84/KH-UBND"
// :param number => "84/KH-UBND"
MATCH (d:Document {number: $number})
MATCH path = (d)-[:REFERENCES*1..]->(t:Document)
WITH t, min(length(path)) AS depth
RETURN t.number AS number, t.type AS type, t.date AS date, t.title AS title, depth,
       [(t)<-[r:REFERENCES]-(src:Document) | src.number + ' ' + coalesce(r.relation, 'references')] AS via
ORDER BY depth, number;

// name: document-cited-by
// description: What implements or cites a document, to any depth. REFERENCES followed inwards;
// depth 1 cites it directly, `via` says how.
// param: number = "01/NQ-CP"
// :param number => "01/NQ-CP"
MATCH (d:Document {number: $number})
MATCH path = (d)<-[:REFERENCES*1..]-(s:Document)
WITH s, min(length(path)) AS depth
RETURN s.number AS number, s.type AS type, s.date AS date, s.title AS title, depth,
       [(s)-[r:REFERENCES]->(t:Document) | coalesce(r.relation, 'references') + ' ' + t.number] AS via
ORDER BY depth, number;

// name: document-assignments
// description: Tasks a document hands to bodies. ASSIGNS edges from the document, with the task
// text and the evidence sentences.
// param: number = "84/KH-UBND"
// :param number => "84/KH-UBND"
MATCH (d:Document {number: $number})-[a:ASSIGNS]->(b:Body)
RETURN d.number AS number, b.name AS assigned_to, CASE WHEN size(coalesce(a.tasks, [])) > 0 THEN a.tasks WHEN a.task IS NULL THEN [] ELSE [a.task] END AS tasks,
       coalesce(a.evidence, []) AS evidence
ORDER BY assigned_to;
