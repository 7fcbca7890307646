-- LOCK TABLE of the extension's tables (hostile application III, finding 7).  The
-- application may UPDATE customer and vendor and DELETE from vendor_customer, which lets
-- PostgreSQL's LOCK take them in any mode up to ACCESS EXCLUSIVE (row security does not
-- apply to LOCK): one statement of a bound role stalled every tenant.  The module refuses
-- a LOCK stronger than ROW EXCLUSIVE of an extension table, directly or through a view,
-- to anyone but its owner (42501), and grant_application_role preloads the module in the
-- role's sessions, so the guard is there before the session calls anything.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(30000);

CREATE ROLE regress_ci_locker LOGIN;
SELECT grant_application_role('regress_ci_locker');
SELECT bind_role_to_tenant('regress_ci_locker', 'locker');
-- the preload, in this database only
SELECT d.datname = current_database() AS this_database, s.setconfig
  FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
 WHERE s.setrole = 'regress_ci_locker'::regrole;
-- granting again keeps one entry; a value of the operator's own is kept
SELECT grant_application_role('regress_ci_locker');
ALTER ROLE regress_ci_locker IN DATABASE :"DBNAME" SET session_preload_libraries = 'auto_explain';
SELECT grant_application_role('regress_ci_locker');
SELECT s.setconfig FROM pg_db_role_setting s WHERE s.setrole = 'regress_ci_locker'::regrole;
SELECT grant_application_role('regress_ci_locker');
SELECT s.setconfig FROM pg_db_role_setting s WHERE s.setrole = 'regress_ci_locker'::regrole;
ALTER ROLE regress_ci_locker IN DATABASE :"DBNAME" SET session_preload_libraries = 'customer_identity';

-- a new session of the role: the guard is loaded before it calls any function
\c - regress_ci_locker
SELECT current_user;
BEGIN;
LOCK TABLE customer_identity.customer IN ACCESS EXCLUSIVE MODE;
:sqlstate
ROLLBACK;
-- and the role cannot take the preload away (a superuser's setting)
SET session_preload_libraries = '';
:sqlstate
\c - postgres
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
-- (this session is the owner's, with no preload: it loads the module by calling it; where
-- the module is not loaded, the guard is not there -- README "Security")
SELECT tenants > 0 AS module_loaded FROM lock_budget();

SET ROLE regress_ci_locker;
-- every mode above ROW EXCLUSIVE, on every table the role may write: 42501, no lock taken
BEGIN;
SAVEPOINT s;
LOCK TABLE customer_identity.customer IN SHARE UPDATE EXCLUSIVE MODE;
:sqlstate
ROLLBACK TO SAVEPOINT s;
-- (refused before the lock was asked for: it never queued, nothing held)
SELECT count(*) AS locks_on_customer FROM pg_locks
 WHERE pid = pg_backend_pid() AND relation = 'customer_identity.customer'::regclass;
ROLLBACK;
BEGIN;
LOCK TABLE customer_identity.customer IN SHARE MODE;
:sqlstate
ROLLBACK;
BEGIN;
LOCK TABLE customer_identity.vendor IN SHARE ROW EXCLUSIVE MODE;
:sqlstate
ROLLBACK;
BEGIN;
LOCK TABLE customer_identity.vendor_customer IN EXCLUSIVE MODE;
:sqlstate
ROLLBACK;
BEGIN;
LOCK customer_identity.vendor_customer;  -- (ACCESS EXCLUSIVE, the default)
:sqlstate
ROLLBACK;
-- through search_path, a list, and a PL/pgSQL function of the role's own
BEGIN;
SET LOCAL search_path = customer_identity;
LOCK TABLE pg_catalog.pg_am, customer IN ACCESS EXCLUSIVE MODE;
:sqlstate
ROLLBACK;
DO $$ BEGIN LOCK TABLE customer_identity.customer IN ACCESS EXCLUSIVE MODE; END $$;
:sqlstate
-- through a view of the role's own (LOCK of a view locks what it reads), nested
CREATE VIEW pg_temp.mine AS SELECT id FROM customer_identity.customer;
CREATE VIEW pg_temp.mine_nested AS SELECT * FROM (SELECT count(*) FROM pg_temp.mine) s
  WHERE EXISTS (SELECT 1 FROM pg_temp.mine);
BEGIN;
LOCK TABLE pg_temp.mine IN ACCESS EXCLUSIVE MODE;
:sqlstate
ROLLBACK;
BEGIN;
LOCK TABLE pg_temp.mine_nested IN SHARE MODE;
:sqlstate
ROLLBACK;
-- the weak modes its own writes take stay allowed, and so do locks of its own tables
BEGIN;
LOCK TABLE customer_identity.customer IN ROW EXCLUSIVE MODE;
LOCK TABLE customer_identity.customer IN ACCESS SHARE MODE;
CREATE TEMP TABLE own (x int);
LOCK TABLE own IN ACCESS EXCLUSIVE MODE;
SELECT mode FROM pg_locks
 WHERE pid = pg_backend_pid() AND relation = 'customer_identity.customer'::regclass ORDER BY mode;
ROLLBACK;
RESET ROLE;

-- the owner may lock its tables in any mode (a move locks them SHARE)
BEGIN;
LOCK TABLE customer_identity.customer IN ACCESS EXCLUSIVE MODE;
ROLLBACK;

-- What PostgreSQL itself lets any role do, and an operator's mitigation (README
-- "Security"): advisory locks in a loop fill the shared lock table (the extension's own
-- identity locks are outside their key space and bounded), and pg_locks shows the hashes of
-- the identities other sessions lock.  Revoked from PUBLIC, the application gets 42501, and
-- the extension still works: it calls neither.
DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT p.oid FROM pg_proc p WHERE p.proname ~ '^pg_(try_)?advisory_(xact_)?lock' LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;
REVOKE SELECT ON pg_catalog.pg_locks FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_lock_status() FROM PUBLIC;
SET ROLE regress_ci_locker;
SELECT pg_advisory_xact_lock(1);
:sqlstate
SELECT pg_try_advisory_lock(1, 2);
:sqlstate
SELECT count(*) FROM pg_locks;
:sqlstate
SELECT count(*) FROM pg_lock_status();
:sqlstate
-- the extension, every path that locks: resolve (a creation, an enrichment), merge,
-- unmerge, erasure
SELECT method, created FROM resolve_customer_identity(tenant_id => 'locker', user_id => 'l-1', email => 'l1@locker.test');
SELECT customer_id AS l2 FROM resolve_customer_identity(tenant_id => 'locker', user_id => 'l-2') \gset
SELECT method FROM resolve_customer_identity(tenant_id => 'locker', user_id => 'l-2', name => 'Two');
SELECT merge_customers(customer_id, :l2) FROM resolve_customer_identity(tenant_id => 'locker', user_id => 'l-1');
SELECT unmerge_customer(:l2);
SELECT cardinality(erase_customer(:l2)) AS erased;
RESET ROLE;
DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT p.oid FROM pg_proc p WHERE p.proname ~ '^pg_(try_)?advisory_(xact_)?lock' LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO PUBLIC', f);
    END LOOP;
END $$;
GRANT SELECT ON pg_catalog.pg_locks TO PUBLIC;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_lock_status() TO PUBLIC;

SELECT unbind_role_from_tenant('regress_ci_locker');
SELECT set_tenant_isolation(false);
DROP OWNED BY regress_ci_locker;
DROP ROLE regress_ci_locker;
