-- warta store, SQLite, migration 1: articles, their parts, errors, full-text index, MinHash bands.
-- Kept small: the record is stored once (compressed, derivable span texts left out); the full-text
-- index reads the clean body through the warta_clean_text() function the store registers; part
-- tables hold offsets, not copies of the text.
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    url TEXT,
    source TEXT,
    lang TEXT,
    title TEXT,
    published TEXT,
    agency TEXT,
    place TEXT,
    record BLOB NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS sources (
    article INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sources_name ON sources(name);

CREATE TABLE IF NOT EXISTS entities (
    article INTEGER NOT NULL,
    eid TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    mentions INTEGER NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,
    PRIMARY KEY (article, eid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_name ON entities(name, type);

CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL,
    eid TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, start, eid)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS quotes (
    article INTEGER NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT COLLATE NOCASE,
    speaker_entity TEXT,
    cue TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);

CREATE TABLE IF NOT EXISTS dates (
    article INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value TEXT,
    PRIMARY KEY (article, start)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS bands (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS errors (
    source TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE VIEW IF NOT EXISTS articles_body AS
    SELECT rowid, title, warta_clean_text(record) AS clean_text FROM articles;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, clean_text, content='articles_body', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 2"
);
