-- warta store, PostgreSQL, migration 1: the tables of sqlite_001.sql, a tsvector full-text index, MinHash bands.
-- Objects are made in the connection's current schema (the first of search_path). Sorted and compared texts are
-- COLLATE "C" (byte order, like SQLite); names SQLite compares with NOCASE are compared through lower() here.
--
-- Full-text search: the text search configuration warta_simple is `simple` (lower case, no stemming, no stop
-- words) with the unaccent dictionary in front when the extension is available (unaccent is a trusted
-- extension: a database owner may create it); without it, accents are kept and the store still works.
-- The indexed text has . - / @ : _ + ~ & < > \ turned into spaces first, so that "KOMPAS.com", "Rusia-Korea"
-- or "foo_bar" are indexed as the separate words SQLite's unicode61 tokenizer sees (the query side splits
-- words the same way).
DO $$
DECLARE
    dict text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'warta: unaccent is not available (%): full-text search keeps diacritics', SQLERRM;
    END;
    IF NOT EXISTS (SELECT FROM pg_ts_config WHERE cfgname = 'warta_simple'
                   AND cfgnamespace = current_schema()::regnamespace) THEN
        CREATE TEXT SEARCH CONFIGURATION warta_simple (COPY = pg_catalog.simple);
        SELECT format('%I.%I', n.nspname, d.dictname) INTO dict
            FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
            WHERE d.dictname = 'unaccent' LIMIT 1;
        IF dict IS NOT NULL THEN
            EXECUTE format('ALTER TEXT SEARCH CONFIGURATION warta_simple ALTER MAPPING FOR asciiword, word, '
                           'numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart '
                           'WITH %s, pg_catalog.simple', dict);
        END IF;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS articles (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    id TEXT COLLATE "C" NOT NULL,
    url TEXT,
    source TEXT COLLATE "C",
    lang TEXT,
    title TEXT,
    published TEXT COLLATE "C",
    agency TEXT,
    place TEXT,
    clean_text TEXT NOT NULL,
    record BYTEA NOT NULL,
    ingested_at TEXT COLLATE "C" NOT NULL,
    -- title weighs A, body B (ranked 2:1); a body is indexed up to 250,000 characters (a tsvector holds 1 MB)
    tsv TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('warta_simple'::regconfig,
                              translate(coalesce(title, ''), '.-/@:_+~&<>\', '            ')), 'A')
        || setweight(to_tsvector('warta_simple'::regconfig,
                                 translate(left(clean_text, 250000), '.-/@:_+~&<>\', '            ')), 'B')
    ) STORED
);
-- the record is zlib-compressed already: keep it out of PostgreSQL's own compression
ALTER TABLE articles ALTER COLUMN record SET STORAGE EXTERNAL;
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_agency ON articles(lower(agency));
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv);

CREATE TABLE IF NOT EXISTS sources (
    article BIGINT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (article, position)
);
CREATE INDEX IF NOT EXISTS sources_name ON sources(lower(name));

CREATE TABLE IF NOT EXISTS entities (
    article BIGINT NOT NULL,
    eid TEXT COLLATE "C" NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    PRIMARY KEY (article, eid)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(lower(name), type);

CREATE TABLE IF NOT EXISTS mentions (
    article BIGINT NOT NULL,
    eid TEXT COLLATE "C" NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, start, eid)
);

CREATE TABLE IF NOT EXISTS quotes (
    article BIGINT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    cue TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, position)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(lower(speaker));

CREATE TABLE IF NOT EXISTS dates (
    article BIGINT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value TEXT,
    PRIMARY KEY (article, start)
);

CREATE TABLE IF NOT EXISTS bands (
    key BIGINT NOT NULL,
    article BIGINT NOT NULL,
    PRIMARY KEY (key, article)
);

CREATE TABLE IF NOT EXISTS errors (
    source TEXT COLLATE "C" PRIMARY KEY,
    type TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT COLLATE "C" NOT NULL
);
