-- naive (NaivePostgres): SELECT; on a miss INSERT, autocommit. SQL copied from
-- core/src/main/java/io/github/gocbench/dialect/postgres/NaivePostgres.java (table goc_item).
-- :keys is set by calibrate-pgbench.sh (hotset:K -> random(1, K)); -D keys=1000.
-- \aset leaves :id alone when the SELECT returns no row, so :id = 0 means "missing".
\set k random(1, :keys)
\set id 0
SELECT id FROM goc_item WHERE k = :k ORDER BY id LIMIT 1 \aset
\if :id = 0
INSERT INTO goc_item (k) VALUES (:k) RETURNING id;
\endif
