// name: compounds_count
// summary: How many compounds the `compounds` query finds for the text (the total of its pages).
// params: text: str
MATCH (k:Area {level: 'compound'})
WHERE k.id CONTAINS $text OR k.name CONTAINS $text
RETURN count(k) AS total
