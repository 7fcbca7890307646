-- customer_identity 0.3.0 -> 0.4.0: least privilege and tenant isolation.
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

------------------------------------------------------------------------------
-- Functions run as the extension's owner, with a pinned search_path
------------------------------------------------------------------------------
-- An application role gets EXECUTE on the functions (grant_application_role) instead of
-- write access to the audit trail, the invite table or vendor.customer_id.  The SQL inside
-- the functions is schema- and operator-qualified as well; the pinned path is the second
-- lock on that door.  The normalizers and customer_before_write (it derives and checks the
-- row's own columns, runs no SQL and writes nothing else) stay SECURITY INVOKER with no
-- function-level setting: a pinned search_path costs a GUC change per call, per row here.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
          JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass
                                     AND d.objid = p.oid AND d.deptype = 'e'
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'customer_identity'
         WHERE p.proname NOT IN ('normalize_email', 'normalize_phone', 'customer_before_write')
    LOOP
        EXECUTE pg_catalog.format(
            'ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, pg_temp', f);
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.customer_before_write() FROM PUBLIC;

------------------------------------------------------------------------------
-- Tenant isolation: row-level security keyed by customer_identity.tenant
------------------------------------------------------------------------------
-- The policies exist always; they bind only while row-level security is enabled on the
-- tables (set_tenant_isolation).  The owner and superusers are not bound by them, and the
-- functions check the caller's tenant themselves (tenant_scope.cpp).
CREATE POLICY tenant_isolation ON @extschema@.customer
    USING (tenant_id OPERATOR(pg_catalog.=) pg_catalog.current_setting('customer_identity.tenant', true));
CREATE POLICY tenant_isolation ON @extschema@.vendor
    USING (tenant_id OPERATOR(pg_catalog.=) pg_catalog.current_setting('customer_identity.tenant', true));
CREATE POLICY tenant_isolation ON @extschema@.vendor_customer
    USING (tenant_id OPERATOR(pg_catalog.=) pg_catalog.current_setting('customer_identity.tenant', true));
CREATE POLICY tenant_isolation ON @extschema@.invite_token
    USING (tenant_id OPERATOR(pg_catalog.=) pg_catalog.current_setting('customer_identity.tenant', true));
CREATE POLICY tenant_isolation ON @extschema@.identity_event
    USING (tenant_id OPERATOR(pg_catalog.=) pg_catalog.current_setting('customer_identity.tenant', true));

CREATE FUNCTION @extschema@.set_tenant_isolation(enabled boolean) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text;
BEGIN
    IF enabled IS NULL THEN
        RAISE EXCEPTION 'enabled must not be null' USING ERRCODE = '22004';
    END IF;
    FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'vendor_customer', 'invite_token', 'identity_event'] LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %I.%I %s ROW LEVEL SECURITY', '@extschema@', t,
                                  CASE WHEN enabled THEN 'ENABLE' ELSE 'DISABLE' END);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.set_tenant_isolation(boolean) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.set_tenant_isolation(boolean) IS
    'turns tenant isolation on or off: row-level security on every table of the extension, keyed by the setting customer_identity.tenant';

------------------------------------------------------------------------------
-- The application role
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.grant_application_role(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF app IS NULL THEN
        RAISE EXCEPTION 'app must not be null' USING ERRCODE = '22004';
    END IF;
    -- regrole prints as a quoted identifier: nothing reaches the statements unquoted.
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %s', '@extschema@', app);
    EXECUTE pg_catalog.format(
        'GRANT EXECUTE ON FUNCTION %1$I.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text),'
        ' %1$I.link_vendor_to_customer(bigint, bigint), %1$I.unlink_vendor_from_customer(bigint),'
        ' %1$I.upgrade_customer_to_vendor(bigint, text), %1$I.vendor_for_customer(bigint),'
        ' %1$I.create_invite_token(bigint, interval, integer), %1$I.redeem_invite_token(text, bigint),'
        ' %1$I.revoke_invite_token(text), %1$I.rotate_invite_token(text), %1$I.pending_invites(bigint),'
        ' %1$I.merge_customers(bigint, bigint), %1$I.unmerge_customer(bigint) TO %2$s', '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens are reached through
    -- the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
END $$;
REVOKE ALL ON FUNCTION @extschema@.grant_application_role(regrole) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.grant_application_role(regrole) IS
    'grants an application role what it needs: the day-to-day functions, customers and vendors, clientele, reading the audit trail';

------------------------------------------------------------------------------
-- The audit trail names the role that called, not the owner the functions run as
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.caller() RETURNS text
    AS 'MODULE_PATHNAME', 'ci_caller' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.caller() IS
    'the role that called the extension''s functions (current_user outside SECURITY DEFINER)';
ALTER TABLE @extschema@.identity_event ALTER COLUMN actor SET DEFAULT @extschema@.caller();
