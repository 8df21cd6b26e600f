-- upsert (UpsertPostgres): INSERT ... ON CONFLICT (k) DO NOTHING RETURNING id; SELECT when it
-- returned nothing. SQL copied from core/src/main/java/io/github/gocbench/dialect/postgres/UpsertPostgres.java.
-- (The strategy loops while neither statement finds the row; without deletes that never happens.)
\set k random(1, :keys)
\set id 0
INSERT INTO goc_item (k) VALUES (:k) ON CONFLICT (k) DO NOTHING RETURNING id \aset
\if :id = 0
SELECT id FROM goc_item WHERE k = :k ORDER BY id LIMIT 1;
\endif
