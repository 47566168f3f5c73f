-- warta store, SQLite, migration 2: the full-text index in shards of consecutive articles.
-- FTS5's bm25() reads every match of each query term in its table to weigh the term, so one index over the
-- whole corpus makes a search slower as the corpus grows. New articles go to shards (articles_fts_<first
-- rowid>) of SHARD_ROWS articles each (sqlite.py), created as they fill; a search ranks the newest matches
-- shard by shard. The index of migration 1 (articles_fts) is the first shard: it holds the articles stored
-- before, or the first SHARD_ROWS of a new store.
CREATE TABLE IF NOT EXISTS fts_shards (
    name TEXT PRIMARY KEY,
    first_rowid INTEGER NOT NULL UNIQUE
);
INSERT OR IGNORE INTO fts_shards VALUES ('articles_fts', 0);
