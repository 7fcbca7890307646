-- The lock budget: one transaction, whatever tenants and paths it uses, holds a bounded
-- number of entries of the server's shared lock table (hostile application III, finding
-- 1).  Before 0.10.0 the bound was per tenant, and merges had none: one transaction that
-- resolved new customers across made-up tenants, or merged in a loop, filled the table and
-- every new connection to the server failed with "out of shared memory".  As the
-- application role, unbound and bound.  Counted in pg_locks, not timed.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(27000000);

-- the budget comes from the server's settings: a quarter of max_locks_per_transaction x
-- max_connections, of which identity locks take at most 1000
SELECT identity_locks, tenants, identity_locks + tenants AS total,
       identity_locks + tenants = current_setting('max_locks_per_transaction')::int
                                  * current_setting('max_connections')::int / 4 AS quarter_of_the_table
  FROM lock_budget();
SELECT identity_locks AS identity_budget, tenants AS tenant_budget,
       identity_locks + tenants AS total_budget FROM lock_budget() \gset

CREATE ROLE regress_ci_locks_app NOLOGIN;
SELECT grant_application_role('regress_ci_locks_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_locks_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_locks_app;
-- the extension's lock entries of this backend, by kind and mode, and all its entries
CREATE VIEW regress.my_locks AS
SELECT CASE objsubid WHEN 17225 THEN 'identity' WHEN 17236 THEN 'tenant' END AS lock, mode, count(*)
  FROM pg_locks
 WHERE pid = pg_backend_pid() AND locktype = 'advisory' AND objsubid IN (17225, 17236)
 GROUP BY 1, 2;
GRANT SELECT ON regress.my_locks TO regress_ci_locks_app;
SET ROLE regress_ci_locks_app;

-- 1. New customers across made-up tenants in one transaction: the tenants up to the budget
-- are written, the next one fails (54000) and adds no entry; the transaction's entries stay
-- within the budget
SELECT customer_id AS merge_a FROM resolve_customer_identity(tenant_id => 'made-up-merge', user_id => 'ma') \gset
SELECT customer_id AS merge_b FROM resolve_customer_identity(tenant_id => 'made-up-merge', user_id => 'mb') \gset
BEGIN;
SELECT count(*) AS resolved, count(*) FILTER (WHERE r.created) AS created
  FROM generate_series(1, :tenant_budget) g,
       LATERAL resolve_customer_identity(tenant_id => 'made-up-' || g, user_id => 'u-' || g) r;
SELECT lock, mode, count FROM regress.my_locks ORDER BY 1, 2;
SELECT count(*) <= :total_budget + 20 AS lock_table_entries_bounded FROM pg_locks WHERE pid = pg_backend_pid();
SAVEPOINT one_more;
SELECT * FROM resolve_customer_identity(tenant_id => 'made-up-one-more', user_id => 'u-x');
:sqlstate
ROLLBACK TO SAVEPOINT one_more;
-- every path counts: a merge in another tenant, an erasure there
SAVEPOINT other_paths;
SELECT merge_customers(:merge_a, :merge_b);
:sqlstate
ROLLBACK TO SAVEPOINT other_paths;
SAVEPOINT other_paths;
SELECT erase_customer(:merge_a) IS NOT NULL AS erased;
:sqlstate
ROLLBACK TO SAVEPOINT other_paths;
-- (a direct insert or register_customer takes no identity lock, only the unique index's
-- row locks: written)
SELECT register_customer(tenant_id => 'made-up-register', user_id => 'u-r') IS NOT NULL AS registered;
-- a tenant it already wrote takes no new entry: still written
SELECT method, created FROM resolve_customer_identity(tenant_id => 'made-up-7', user_id => 'u-7-second');
SELECT count(*) <= :total_budget + 20 AS still_bounded FROM pg_locks WHERE pid = pg_backend_pid();
ROLLBACK;
SELECT count(*) AS customers_after_rollback FROM customer WHERE tenant_id LIKE 'made-up-%';
SELECT regress.customers('made-up-merge');

-- 2. Identities across two tenants: the first 1000 identity locks of the transaction, in
-- whichever tenants, then each tenant it writes escalates to its one tenant-wide lock
BEGIN;
SELECT count(*) AS first_tenant FROM generate_series(1, 600) g,
       LATERAL resolve_customer_identity(tenant_id => 'locks_a', user_id => 'a-' || g) r;
SELECT count(*) AS second_tenant FROM generate_series(1, 600) g,
       LATERAL resolve_customer_identity(tenant_id => 'locks_b', user_id => 'b-' || g) r;
SELECT lock, mode, count FROM regress.my_locks ORDER BY 1, 2;
-- (a third tenant written after the budget escalates at its first write)
SELECT count(*) AS third_tenant FROM generate_series(1, 10) g,
       LATERAL resolve_customer_identity(tenant_id => 'locks_c', user_id => 'c-' || g) r;
SELECT lock, mode, count FROM regress.my_locks ORDER BY 1, 2;
COMMIT;
SELECT tenant_id, count(*) FROM customer WHERE tenant_id IN ('locks_a', 'locks_b', 'locks_c')
 GROUP BY 1 ORDER BY 1;

-- 3. A role bound to one tenant merges in a loop: 700 merges of customers with two
-- identifiers each (2,800 identity keys) hold at most the budget, then the tenant's lock
RESET ROLE;
SELECT bind_role_to_tenant('regress_ci_locks_app', 'locks_merge');
SET ROLE regress_ci_locks_app;
SELECT count(*) AS customers FROM generate_series(1, 1400) g,
       LATERAL resolve_customer_identity(tenant_id => 'locks_merge', user_id => 'm-' || g,
                                         external_customer_id => 'cus_m' || g) r;
BEGIN;
SELECT count(merge_customers(a.id, b.id)) AS merges
  FROM customer a JOIN customer b ON b.user_id = 'm-' || (substr(a.user_id, 3)::int + 700)
 WHERE a.tenant_id = 'locks_merge' AND b.tenant_id = 'locks_merge'
   AND substr(a.user_id, 3)::int <= 700;
SELECT lock, mode, count FROM regress.my_locks ORDER BY 1, 2;
SELECT count(*) <= :total_budget + 20 AS lock_table_entries_bounded FROM pg_locks WHERE pid = pg_backend_pid();
-- and unmerges in the same transaction, past the budget, take no entry either
SELECT count(unmerge_customer(b.id)) AS unmerges
  FROM customer b WHERE b.tenant_id = 'locks_merge' AND b.merged_into IS NOT NULL
   AND substr(b.user_id, 3)::int > 1300;
SELECT count(*) <= :total_budget + 20 AS still_bounded FROM pg_locks WHERE pid = pg_backend_pid();
COMMIT;
SELECT count(*) FILTER (WHERE archived_at IS NULL) AS active, count(*) FILTER (WHERE merged_into IS NOT NULL) AS merged
  FROM customer WHERE tenant_id = 'locks_merge';
-- the bound role's tenant: its made-up tenants are refused before any lock (42501 as ever)
SELECT * FROM resolve_customer_identity(tenant_id => 'made-up-bound', user_id => 'u');
:sqlstate
RESET ROLE;
SELECT t, count(i.*) AS violations FROM unnest(ARRAY['locks_a', 'locks_b', 'locks_c', 'locks_merge']) t
  LEFT JOIN LATERAL check_integrity(t) i ON true GROUP BY t ORDER BY t;
DROP VIEW regress.my_locks;
SELECT unbind_role_from_tenant('regress_ci_locks_app');
SELECT set_tenant_isolation(false);
DROP OWNED BY regress_ci_locks_app;
DROP ROLE regress_ci_locks_app;
