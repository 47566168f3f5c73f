-- warta store, SQLite, migration 1: articles, their parts, errors, full-text index, MinHash bands
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
    clean_text TEXT NOT NULL,
    record BLOB NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_lang ON articles(lang);

CREATE TABLE IF NOT EXISTS sources (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article);
CREATE INDEX IF NOT EXISTS sources_name ON sources(name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS entities (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);

CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);

CREATE TABLE IF NOT EXISTS quotes (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS dates (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    text TEXT NOT NULL,
    value TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dates_article ON dates(article);

CREATE TABLE IF NOT EXISTS signatures (
    article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    sig BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (
    key TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS bands_key ON bands(key);

CREATE TABLE IF NOT EXISTS errors (
    source TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, clean_text, content='articles', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 2"
);
