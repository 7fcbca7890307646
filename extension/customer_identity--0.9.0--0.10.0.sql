-- customer_identity 0.9.0 -> 0.10.0: the third hostile-application review (README
-- "Security").  A fresh install of 0.10.0 runs this script too (CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE TO '0.10.0'" to load this file. \quit

------------------------------------------------------------------------------
-- Bounded locks across tenants and paths
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Erasure: every value a person ever had; bounded metadata
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Clientele, redemption, unmerge and audit rows the application cannot forge
------------------------------------------------------------------------------
-- A vendor_customer row the application writes itself follows the rules of a redemption:
-- an active customer (CI010); source 'invite' names a usable invite of the same vendor
-- (CI002-CI005) and uses it up, as redeem_invite_token does; an invite_id only with source
-- 'invite' (22023).  References across tenants stay the tenant keys' (23503).  The
-- extension's own writes (redemption, merge, unmerge) are checked where they are made.
-- Rows already stored stay as they are: only what a write changes is checked.
CREATE FUNCTION @extschema@.vendor_customer_before_write() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_vendor_customer_before_write' LANGUAGE C
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION @extschema@.vendor_customer_before_write() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.vendor_customer_before_write() IS
    'clientele rows written directly follow the rules of a redemption (CI002-CI005, CI010)';
CREATE TRIGGER vendor_customer_before_write
    BEFORE INSERT OR UPDATE ON @extschema@.vendor_customer
    FOR EACH ROW EXECUTE FUNCTION @extschema@.vendor_customer_before_write();

------------------------------------------------------------------------------
-- Import, table locks, claims
------------------------------------------------------------------------------
