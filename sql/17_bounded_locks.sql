-- Bounded identity locks: a transaction that creates 100,000 identities through
-- resolve_customer_identity holds a bounded number of entries of the server's shared lock
-- table -- max_identity_locks (1000) identity locks, then one tenant-wide lock -- instead of
-- one per identity (which exhausted the table and made other sessions and new connections
-- fail with "out of shared memory").  Counted in pg_locks, not timed.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
-- (ids from 10,000,000: the 100,000 rows below stay clear of every other file's range)
SELECT regress.start_ids(10000000);

BEGIN;
SELECT count(*) AS resolved, count(*) FILTER (WHERE r.created) AS created
  FROM generate_series(1, 100000) g,
       LATERAL resolve_customer_identity(tenant_id => 'bulk_locks', user_id => 'bulk-' || g,
                                         email => 'bulk-' || g || '@locks.example') r;
-- the extension's lock entries of this backend: identity locks (space 0x4349) and the
-- tenant's lock (0x4354), by mode
SELECT CASE objsubid WHEN 17225 THEN 'identity' WHEN 17236 THEN 'tenant' END AS lock, mode, count(*)
  FROM pg_locks
 WHERE pid = pg_backend_pid() AND locktype = 'advisory' AND objsubid IN (17225, 17236)
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) < 1100 AS lock_table_entries_bounded FROM pg_locks WHERE pid = pg_backend_pid();
-- past the bound, resolution goes on as before: found, enriched, conflicts
SELECT method, created FROM resolve_customer_identity(tenant_id => 'bulk_locks', user_id => 'bulk-99999');
SELECT method FROM resolve_customer_identity(tenant_id => 'bulk_locks', user_id => 'bulk-5', phone => '+1 555 0170 005');
SAVEPOINT conflict;
SELECT * FROM resolve_customer_identity(tenant_id => 'bulk_locks', user_id => 'bulk-6', email => 'bulk-7@locks.example');
:sqlstate
ROLLBACK TO SAVEPOINT conflict;
COMMIT;
SELECT count(*) AS customers, count(DISTINCT user_id) AS user_ids FROM customer WHERE tenant_id = 'bulk_locks';

-- a rolled-back subtransaction that escalated takes the tenant-wide lock with it: the next
-- writes lock their identities again
BEGIN;
SAVEPOINT bulk;
SELECT count(*) FROM generate_series(1, 1001) g,
       LATERAL resolve_customer_identity(tenant_id => 'bulk_locks_2', user_id => 'sp-' || g) r;
SELECT count(*) AS tenant_exclusive FROM pg_locks
 WHERE pid = pg_backend_pid() AND locktype = 'advisory' AND objsubid = 17236 AND mode = 'ExclusiveLock';
ROLLBACK TO SAVEPOINT bulk;
SELECT count(*) AS tenant_exclusive_after_rollback FROM pg_locks
 WHERE pid = pg_backend_pid() AND locktype = 'advisory' AND objsubid = 17236 AND mode = 'ExclusiveLock';
SELECT method, created FROM resolve_customer_identity(tenant_id => 'bulk_locks_2', user_id => 'after-rollback');
-- (the count of the rolled-back part is kept, so this write escalates at once: earlier, never later)
SELECT CASE objsubid WHEN 17225 THEN 'identity' WHEN 17236 THEN 'tenant' END AS lock, mode, count(*)
  FROM pg_locks
 WHERE pid = pg_backend_pid() AND locktype = 'advisory' AND objsubid IN (17225, 17236)
 GROUP BY 1, 2 ORDER BY 1, 2;
COMMIT;
SELECT count(*) AS customers FROM customer WHERE tenant_id = 'bulk_locks_2';
