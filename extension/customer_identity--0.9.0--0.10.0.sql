-- customer_identity 0.9.0 -> 0.10.0: the third hostile-application review (README
-- "Security").  A fresh install of 0.10.0 runs this script too (CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE TO '0.10.0'" to load this file. \quit

------------------------------------------------------------------------------
-- Bounded locks across tenants and paths
------------------------------------------------------------------------------
-- One transaction's identity locks are counted across every tenant and every path
-- (resolve, import, merge, unmerge, erasure, enrichment), and the tenants it writes are
-- bounded too (54000 past that): src/identity_lock.hpp.  What the bounds are on this server:
CREATE FUNCTION @extschema@.lock_budget(OUT identity_locks integer, OUT tenants integer)
    AS 'MODULE_PATHNAME', 'ci_lock_budget' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION @extschema@.lock_budget() IS
    'the shared lock table entries one transaction may hold through the extension: identity locks before its tenant escalates to one tenant-wide lock, and tenants written before it fails (54000)';

------------------------------------------------------------------------------
-- Erasure: every value a person ever had; bounded metadata
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Clientele, redemption, unmerge and audit rows the application cannot forge
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Import, table locks, claims
------------------------------------------------------------------------------
