-- transactional (TransactionalPostgres): SELECT; on a miss INSERT in its own transaction
-- (AtomicBlock: setAutoCommit(false), INSERT, COMMIT). SQL copied from
-- core/src/main/java/io/github/gocbench/dialect/postgres/TransactionalPostgres.java.
-- pgbench cannot catch a unique violation (it aborts the client), so the calibration prefills
-- the keys and runs the steady state, where every call takes the SELECT path; the insert branch
-- is kept so the script is the strategy, and a miss would show as an aborted client.
\set k random(1, :keys)
\set id 0
SELECT id FROM goc_item WHERE k = :k ORDER BY id LIMIT 1 \aset
\if :id = 0
BEGIN;
INSERT INTO goc_item (k) VALUES (:k) RETURNING id;
COMMIT;
\endif
