// Full-text index behind Query.search: every normalised name key of a person (see
// server/src/domain/names.ts searchKeys), plus the display forms so Hangul and Hanja match too.
// The standard analyzer without stop words keeps short syllables like "i" and "o".
CREATE FULLTEXT INDEX person_names IF NOT EXISTS
FOR (p:Person) ON EACH [p.searchKeys, p.name, p.aliases, p.hangul, p.hanja]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
