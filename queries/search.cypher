// Search: find people, bodies and documents without knowing the exact spelling.

// name: search
// description: People, bodies and documents whose name contains a text, accents ignored. Give the
// text accent-free and lower-case ("chu ngoc anh", "143-kl"); document numbers are matched
// without spaces and with đ read as d.
// param: text = "ngoc anh"
// :param text => "ngoc anh"
CALL {
  MATCH (n:Person) WHERE n.search CONTAINS $text
  RETURN 'Person' AS kind, n.name AS name, n.titles AS detail
  UNION ALL
  MATCH (n:Body) WHERE n.search CONTAINS $text
  RETURN 'Body' AS kind, n.name AS name, [x IN [n.kind, n.jurisdiction] WHERE x IS NOT NULL AND x <> ''] AS detail
  UNION ALL
  MATCH (n:Document) WHERE replace(n.search, 'đ', 'd') CONTAINS replace($text, ' ', '')
  RETURN 'Document' AS kind, n.number AS name, [x IN [n.type, n.date] WHERE x IS NOT NULL] AS detail
}
RETURN kind, name, detail
ORDER BY kind, name;
