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
-- LOCK TABLE of the extension's tables stronger than ROW EXCLUSIVE is the owner's
-- (src/table_locks.hpp).  The guard is a hook of the module, so an application role's
-- sessions load the module when they start: session_preload_libraries for the role in this
-- database (a superuser's setting, which the role cannot change or reset).  An existing
-- value of the role's is kept, the module added to it.
CREATE OR REPLACE FUNCTION @extschema@.grant_application_role(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    libraries text;
BEGIN
    IF app IS NULL THEN
        RAISE EXCEPTION 'app must not be null' USING ERRCODE = '22004';
    END IF;
    -- regrole prints as a quoted identifier: nothing reaches the statements unquoted.
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %s', '@extschema@', app);
    EXECUTE pg_catalog.format(
        'GRANT EXECUTE ON FUNCTION %1$I.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean),'
        ' %1$I.link_vendor_to_customer(bigint, bigint), %1$I.unlink_vendor_from_customer(bigint),'
        ' %1$I.upgrade_customer_to_vendor(bigint, text), %1$I.vendor_for_customer(bigint),'
        ' %1$I.create_invite_token(bigint, interval, integer), %1$I.redeem_invite_token(text, bigint),'
        ' %1$I.revoke_invite_token(text), %1$I.rotate_invite_token(text), %1$I.pending_invites(bigint),'
        ' %1$I.merge_customers(bigint, bigint), %1$I.unmerge_customer(bigint),'
        ' %1$I.trust_policy(text), %1$I.is_blocked_identifier(text, text, text),'
        ' %1$I.current_tenant(), %1$I.erase_customer(bigint),'
        ' %1$I.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) TO %2$s',
        '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens, claims, policies
    -- and blocked values are reached through the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
    -- The module in every session of the role here, for its LOCK TABLE guard.
    SELECT pg_catalog.substr(c, pg_catalog.length('session_preload_libraries=') OPERATOR(pg_catalog.+) 1)
      INTO libraries
      FROM pg_catalog.pg_db_role_setting s, pg_catalog.unnest(s.setconfig) AS c
     WHERE s.setrole OPERATOR(pg_catalog.=) app
       AND s.setdatabase OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d
                                                  WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
       AND c OPERATOR(pg_catalog.~~) 'session\_preload\_libraries=%';
    IF libraries IS NULL OR pg_catalog.btrim(libraries) OPERATOR(pg_catalog.=) '' THEN
        libraries := 'customer_identity';
    ELSIF libraries OPERATOR(pg_catalog.~) '(^|[ ,"])customer_identity($|[ ,"])' THEN
        RETURN;
    ELSE
        libraries := libraries OPERATOR(pg_catalog.||) ', customer_identity';
    END IF;
    EXECUTE pg_catalog.format('ALTER ROLE %s IN DATABASE %I SET session_preload_libraries = %L',
                              app, pg_catalog.current_database(), libraries);
END $$;

-- The same claim is one claim however its email or phone is spelled: a claim's identity is
-- the call's identifiers as the tenant's rules normalize them (src/claims.cpp).  Claims
-- opened before 0.10.0 have none (NULL), and keep their key on the proposal as given.
ALTER TABLE @extschema@.identity_claim ADD COLUMN claim_key text;
COMMENT ON COLUMN @extschema@.identity_claim.claim_key IS
    'md5 of the claim''s identity (its identifiers normalized, name, reference, verification): an open claim is unique by it';
CREATE UNIQUE INDEX identity_claim_open_identity ON @extschema@.identity_claim (tenant_id, kind, claim_key)
    WHERE status = 'open' AND claim_key IS NOT NULL;

-- upgrade-only-begin
-- Roles granted before 0.10.0 have no preload: the guard acts in their sessions only once
-- the module is loaded (any call of the extension's functions loads it).
DO $$
DECLARE
    roles text;
BEGIN
    SELECT string_agg(DISTINCT a.grantee::pg_catalog.regrole::text, ', ') INTO roles
      FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
     WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.customer'::pg_catalog.regclass
       AND a.grantee OPERATOR(pg_catalog.<>) 0 AND a.grantee OPERATOR(pg_catalog.<>) c.relowner;
    IF roles IS NOT NULL THEN
        RAISE WARNING 'customer_identity 0.10.0: the LOCK TABLE guard is not preloaded for roles granted before this update (%)', roles
            USING HINT = 'SELECT customer_identity.grant_application_role(''<role>'') preloads it; see README "Security".';
    END IF;
END $$;
-- upgrade-only-end
